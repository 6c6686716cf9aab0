package dev.newsroom.cli.push;

import dev.newsroom.cli.api.ArticleDraft;
import dev.newsroom.cli.api.NewsroomApi;
import dev.newsroom.cli.api.SavedArticle;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushes one article file: its local images first (each uploaded once per content), then the
 * article with its image links rewritten to the Newsroom paths, then publication or schedule as
 * the front matter or {@code --publish} asks. An unchanged file uploads nothing and the API
 * writes nothing, as it ignores a PUT of the same content.
 */
public final class Pusher {

  /**
   * @param outcome created, updated, unchanged, or saved (replaced, but this machine had not
   *     pushed it before, so whether anything changed is unknown)
   * @param article the article as the last request left it
   */
  public record Result(Path file, String slug, String outcome, SavedArticle article,
      int imagesUploaded, int imagesReused) {}

  private final NewsroomApi api;
  private final ImageUploader images;
  private final PushState state;

  public Pusher(NewsroomApi api, ImageUploader images, PushState state) {
    this.api = api;
    this.images = images;
    this.state = state;
  }

  public Result push(ArticleFile file, boolean publishFlag) {
    FrontMatter meta = file.meta();
    boolean publish = publishFlag || Boolean.TRUE.equals(meta.publish());
    boolean newsletter = Boolean.TRUE.equals(meta.newsletter());
    if (newsletter && !publish && meta.publishAt() == null) {
      throw new InvalidFileException(file.file(), "front matter: newsletter: true needs"
          + " publish: true, publishAt: or --publish");
    }
    Map<String, String> paths = new LinkedHashMap<>();
    int uploaded = 0;
    for (Map.Entry<String, Path> image : file.images().entrySet()) {
      ImageUploader.Result result = images.upload(file.file(), image.getValue());
      paths.put(image.getKey(), result.path());
      uploaded += result.uploaded() ? 1 : 0;
    }
    String body = MarkdownImages.rewrite(file.body(), paths);
    ArticleDraft.HeroImage hero = meta.hero() == null ? null : new ArticleDraft.HeroImage(
        paths.getOrDefault(meta.hero(), meta.hero().strip()), meta.heroAlt());
    ArticleDraft draft = ArticleDraft.markdown(meta.title(), meta.summary(), body, meta.author(),
        meta.tags(), hero, meta.publishedAt() == null ? null : meta.publishedAt().strip());

    long before = state.articleVersion(file.slug()).orElse(-1L);
    SavedArticle saved = api.putArticle(file.slug(), draft);
    String outcome = saved.created() ? "created"
        : saved.version() == before ? "unchanged"
        : before < 0 ? "saved" : "updated";
    if (publish && !"published".equals(saved.status())) {
      saved = api.publish(file.slug(), newsletter);
    } else if (publish && newsletter) {
      // Published already: the API starts the newsletter once per article, so asking is safe.
      saved = api.publish(file.slug(), true);
    } else if (meta.publishAt() != null && !"published".equals(saved.status())) {
      saved = api.schedule(file.slug(), meta.publishAt().strip(), newsletter);
    }
    state.rememberArticle(file.slug(), saved.version());
    return new Result(file.file(), file.slug(), outcome, saved, uploaded,
        paths.size() - uploaded);
  }
}

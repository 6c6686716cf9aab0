package dev.newsroom.cli;

import dev.newsroom.cli.api.ApiRefusedException;
import dev.newsroom.cli.api.ApiUnavailableException;
import dev.newsroom.cli.api.NewsroomApi;
import dev.newsroom.cli.config.Settings;
import dev.newsroom.cli.push.ArticleFile;
import dev.newsroom.cli.push.ArticleFiles;
import dev.newsroom.cli.push.ImageUploader;
import dev.newsroom.cli.push.InvalidFileException;
import dev.newsroom.cli.push.PushState;
import dev.newsroom.cli.push.Pusher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "push", description = {
    "Create or replace articles from Markdown files with YAML front matter, uploading the local"
        + " images they use. A folder pushes the .md files in it.",
    "Every file is checked before anything is sent; an unchanged file uploads and writes"
        + " nothing."})
final class PushCommand implements Callable<Integer> {

  @ParentCommand
  private Newsroom root;

  @Option(names = "--publish", description = "Publish each article after saving it.")
  private boolean publish;

  @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER")
  private List<Path> paths;

  @Override
  public Integer call() {
    List<ArticleFile> articles = read(ArticleFiles.expand(paths));
    Settings settings = root.settings();
    NewsroomApi api = root.api(settings);
    PushState state = PushState.load(settings.stateFile(), settings.url());
    Context context = root.context();
    Pusher pusher = new Pusher(api,
        new ImageUploader(api, state, context.sleeper(), context.imageTimeout()), state);
    Output out = root.output();
    List<Map<String, Object>> pushed = new ArrayList<>();
    for (ArticleFile article : articles) {
      Pusher.Result result;
      try {
        result = pusher.push(article, publish);
      } catch (ApiRefusedException | ApiUnavailableException e) {
        throw new FileFailure(article.file(), e);
      }
      out.line(line(result));
      pushed.add(json(result));
    }
    out.document(Map.of("pushed", pushed));
    return Failures.OK;
  }

  /** All files read and checked first, so that one bad file stops the push before any write. */
  private static List<ArticleFile> read(List<Path> files) {
    if (files.isEmpty()) {
      throw new CommandRefused("no_files", "No .md files to push.");
    }
    List<ArticleFile> articles = new ArrayList<>();
    Map<String, Path> slugs = new HashMap<>();
    for (Path file : files) {
      ArticleFile article = ArticleFiles.read(file);
      Path other = slugs.putIfAbsent(article.slug(), file);
      if (other != null) {
        throw new InvalidFileException(file, "has the slug " + article.slug() + ", as " + other
            + " does");
      }
      articles.add(article);
    }
    return articles;
  }

  private static String line(Pusher.Result r) {
    StringBuilder line = new StringBuilder()
        .append(r.file()).append(": ").append(r.outcome()).append(' ').append(r.slug())
        .append(" (version ").append(r.article().version()).append(", ")
        .append(r.article().status()).append(')');
    if (r.imagesUploaded() + r.imagesReused() > 0) {
      line.append("; images: ").append(r.imagesUploaded()).append(" uploaded, ")
          .append(r.imagesReused()).append(" already there");
    }
    return line.toString();
  }

  private static Map<String, Object> json(Pusher.Result r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", r.file().toString());
    json.put("slug", r.slug());
    json.put("outcome", r.outcome());
    json.put("version", r.article().version());
    json.put("status", r.article().status());
    json.put("imagesUploaded", r.imagesUploaded());
    json.put("imagesReused", r.imagesReused());
    json.put("article", r.article().json());
    return json;
  }
}

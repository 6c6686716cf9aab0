package dev.newsroom.cli;

import dev.newsroom.cli.api.SavedArticle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unpublish", description = "Take an article back to draft; its page goes at once.")
final class UnpublishCommand extends SlugCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SLUG")
  private String slug;

  @Override
  public Integer call() {
    requireSlug(slug);
    SavedArticle article = root.api(root.settings()).unpublish(slug);
    Output out = root.output();
    out.line("unpublished " + slug + " (version " + article.version() + ", now "
        + article.status() + ")");
    out.document(article.json());
    return Failures.OK;
  }
}

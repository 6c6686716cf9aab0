package dev.newsroom.cli;

import dev.newsroom.cli.api.SavedArticle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish", description = "Publish an article now (again is a no-op).")
final class PublishCommand extends SlugCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SLUG")
  private String slug;

  @Option(names = "--newsletter",
      description = "Also send it as a newsletter (once per article, however often asked).")
  private boolean newsletter;

  @Override
  public Integer call() {
    requireSlug(slug);
    SavedArticle article = root.api(root.settings()).publish(slug, newsletter);
    Output out = root.output();
    out.line("published " + slug + " (version " + article.version() + ")"
        + (newsletter ? "; newsletter requested" : ""));
    out.document(article.json());
    return Failures.OK;
  }
}

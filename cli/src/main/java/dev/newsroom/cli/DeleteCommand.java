package dev.newsroom.cli;

import dev.newsroom.cli.config.Settings;
import dev.newsroom.cli.push.PushState;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete an article for good.")
final class DeleteCommand extends SlugCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SLUG")
  private String slug;

  @Override
  public Integer call() {
    requireSlug(slug);
    Settings settings = root.settings();
    root.api(settings).delete(slug);
    if (Files.exists(settings.stateFile())) {
      PushState.load(settings.stateFile(), settings.url()).forgetArticle(slug);
    }
    Output out = root.output();
    out.line("deleted " + slug);
    out.document(Map.of("slug", slug, "deleted", true));
    return Failures.OK;
  }
}

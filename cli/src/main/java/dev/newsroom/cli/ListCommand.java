package dev.newsroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.cli.api.NewsroomApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "List articles, most recently updated first.")
final class ListCommand implements Callable<Integer> {

  enum Status { DRAFT, PUBLISHED, SCHEDULED }

  @ParentCommand
  private Newsroom root;

  @Option(names = "--status", paramLabel = "STATUS",
      description = "draft, published or scheduled (default: all three).")
  private Status status;

  @Override
  public Integer call() {
    NewsroomApi api = root.api(root.settings());
    List<JsonNode> items = new ArrayList<>();
    for (Status one : status == null ? Status.values() : new Status[] {status}) {
      items.addAll(Pages.all(cursor -> api.articles(one.name().toLowerCase(java.util.Locale.ROOT),
          cursor)));
    }
    Output out = root.output();
    for (JsonNode item : items) {
      String when = item.hasNonNull("publishAt")
          ? "  (at " + minute(item.get("publishAt").asText()) + ")" : "";
      out.line(String.format("%-9s  %-16s  %s  %s%s", item.path("status").asText(),
          minute(item.path("updatedAt").asText()), item.path("slug").asText(),
          item.path("title").asText(""), when));
    }
    if (items.isEmpty()) {
      out.line("no articles");
    }
    out.document(Map.of("items", items));
    return Failures.OK;
  }

  /** {@code 2026-12-03T09:15} from an ISO instant. */
  static String minute(String instant) {
    return instant.length() >= 16 ? instant.substring(0, 16) : instant;
  }
}

package dev.newsroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.cli.api.NewsroomApi;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "messages", description = "List contact-form messages, newest first.")
final class MessagesCommand implements Callable<Integer> {

  enum Status { NEW, HANDLED }

  @ParentCommand
  private Newsroom root;

  @Option(names = "--status", paramLabel = "STATUS", description = "new (default) or handled.")
  private Status status = Status.NEW;

  @Override
  public Integer call() {
    NewsroomApi api = root.api(root.settings());
    String wire = status.name().toLowerCase(java.util.Locale.ROOT);
    List<JsonNode> items = Pages.all(cursor -> api.messages(wire, cursor));
    Output out = root.output();
    for (JsonNode m : items) {
      out.line(ListCommand.minute(m.path("receivedAt").asText()) + "  " + m.path("id").asText()
          + "  " + m.path("name").asText() + " <" + m.path("email").asText() + ">  "
          + m.path("subject").asText(""));
      out.line("    " + m.path("preview").asText(""));
    }
    if (items.isEmpty()) {
      out.line("no " + wire + " messages");
    }
    out.document(Map.of("items", items));
    return Failures.OK;
  }
}

package dev.newsroom.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.shared.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redrives the mail outbox. Its DLQ messages name a stream shard and a sequence range, not the
 * items, and the stream keeps records for 24 hours only; the outbox itself knows what is still
 * unsent. So this hands every unsent id to the mail sender as the stream would (INSERT records of
 * the id key, ten to an invocation): the sender claims each one, so a message sent meanwhile, or
 * claimed by a live sender, is skipped and none goes out twice.
 */
public final class MailResend implements Runnable {

  /** The stream's batch size for the sender in template.yaml. */
  static final int RECORDS_PER_INVOCATION = 10;

  private final UnsentMail unsent;
  private final Functions functions;
  private final String senderFunction;

  public MailResend(UnsentMail unsent, Functions functions, String senderFunction) {
    this.unsent = unsent;
    this.functions = functions;
    this.senderFunction = senderFunction;
  }

  @Override
  public void run() {
    List<String> ids = unsent.ids();
    for (int from = 0; from < ids.size(); from += RECORDS_PER_INVOCATION) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + RECORDS_PER_INVOCATION));
      String response = functions.invoke(senderFunction, Json.write(event(chunk, from)));
      if (failures(response) > 0) {
        throw new RedriveFailedException("the mail sender could not send every message yet");
      }
    }
  }

  private static Map<String, Object> event(List<String> ids, int firstSequence) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, Object> dynamodb = new LinkedHashMap<>();
      dynamodb.put("Keys", Map.of("id", Map.of("S", ids.get(i))));
      dynamodb.put("SequenceNumber", Integer.toString(firstSequence + i + 1));
      dynamodb.put("StreamViewType", "KEYS_ONLY");
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("eventName", "INSERT");
      record.put("eventSource", "aws:dynamodb");
      record.put("dynamodb", dynamodb);
      records.add(record);
    }
    return Map.of("Records", records);
  }

  private static int failures(String response) {
    try {
      JsonNode failures = Json.mapper().readTree(response).path("batchItemFailures");
      return failures.size();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RedriveFailedException("the mail sender answered something other than JSON");
    }
  }
}

package dev.newsroom.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the JSON SES publishes to SNS: configuration-set event publishing ({@code eventType}) and
 * identity feedback notifications ({@code notificationType}) share the bounce and complaint
 * shapes. Anything else (deliveries, sends, a message that is not SES's) reads as empty.
 */
final class SesNotifications {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SesNotifications() {}

  static Optional<MailFeedback> parse(String message) {
    JsonNode root;
    try {
      root = JSON.readTree(message);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    String type = root.path("eventType").asText(root.path("notificationType").asText(""));
    return switch (type) {
      case "Bounce" -> bounce(root);
      case "Complaint" -> complaint(root);
      default -> Optional.empty();
    };
  }

  private static Optional<MailFeedback> bounce(JsonNode root) {
    JsonNode bounce = root.path("bounce");
    String bounceType = bounce.path("bounceType").asText("");
    MailFeedback.Kind kind = "Permanent".equals(bounceType) ? MailFeedback.Kind.HARD_BOUNCE
        : MailFeedback.Kind.SOFT_BOUNCE;
    String detail = bounceType + "/" + bounce.path("bounceSubType").asText("");
    return feedback(kind, root, bounce, "bouncedRecipients", detail);
  }

  private static Optional<MailFeedback> complaint(JsonNode root) {
    JsonNode complaint = root.path("complaint");
    String feedbackType = complaint.path("complaintFeedbackType").asText("");
    if ("not-spam".equals(feedbackType)) {
      // The reader said the opposite of a complaint: nothing to suppress.
      return Optional.empty();
    }
    String subType = complaint.path("complaintSubType").asText("");
    String detail = feedbackType.isEmpty() ? (subType.isEmpty() ? "complaint" : subType)
        : feedbackType;
    return feedback(MailFeedback.Kind.COMPLAINT, root, complaint, "complainedRecipients", detail);
  }

  private static Optional<MailFeedback> feedback(MailFeedback.Kind kind, JsonNode root,
      JsonNode report, String recipientsField, String detail) {
    List<String> recipients = new ArrayList<>();
    report.path(recipientsField).forEach(r -> {
      String address = r.path("emailAddress").asText("");
      if (!address.isEmpty()) {
        recipients.add(bare(address));
      }
    });
    String feedbackId = report.path("feedbackId").asText(root.at("/mail/messageId").asText(""));
    if (recipients.isEmpty() || feedbackId.isEmpty()) {
      return Optional.empty();
    }
    Instant at;
    try {
      at = Instant.parse(report.path("timestamp").asText(root.at("/mail/timestamp").asText("")));
    } catch (DateTimeParseException e) {
      at = null;
    }
    return Optional.of(new MailFeedback(kind, feedbackId, at, recipients, detail));
  }

  /** {@code "Name" <a@b>} to {@code a@b}: receiving servers sometimes report it so. */
  private static String bare(String address) {
    int open = address.lastIndexOf('<');
    int close = address.lastIndexOf('>');
    return open >= 0 && close > open ? address.substring(open + 1, close).strip()
        : address.strip();
  }
}

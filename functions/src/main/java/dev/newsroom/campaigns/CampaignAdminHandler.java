package dev.newsroom.campaigns;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.shared.ValidationException;
import dev.newsroom.web.HttpRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Base of the {@code /api/admin/campaigns} handlers: the editor key and the path's id. */
abstract class CampaignAdminHandler extends AdminHttpHandler {

  protected final CampaignService campaigns;

  protected CampaignAdminHandler(CampaignService campaigns, EditorKeyService keys) {
    super(keys);
    this.campaigns = campaigns;
  }

  static String id(HttpRequest request) {
    return request.pathParameter("id").orElse("");
  }

  /** An ISO-8601 date and time with an offset, or null. */
  static Instant instant(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new ValidationException(field,
          field + " must be an ISO-8601 date and time with an offset, e.g. 2026-12-02T18:00:00Z.");
    }
  }
}

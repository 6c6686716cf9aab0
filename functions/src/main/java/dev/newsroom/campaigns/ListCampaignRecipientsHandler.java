package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.shared.Page;
import dev.newsroom.shared.Paging;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.QueryParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/admin/campaigns/{id}/recipients?state=failed}: the recipients in one state
 * (default {@code uncertain})
 * (e.g. the uncertain ones, to check by hand), a page at a time. A page may hold fewer items than
 * the limit, even none, and still have a next cursor.
 */
public final class ListCampaignRecipientsHandler extends CampaignAdminHandler {

  static final int MAX_LIMIT = 500;

  public ListCampaignRecipientsHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  ListCampaignRecipientsHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    RecipientState state = QueryParams.oneOf(request, "state",
        RecipientState.UNCERTAIN, RecipientState::wire);
    int limit = Paging.limit(QueryParams.optionalInt(request, "limit"), 100, MAX_LIMIT);
    String after = Paging.decodeCursor(request.query("cursor").orElse(null), 200,
        key -> key.matches("[A-Za-z0-9_-]{1,64}") ? key : null);
    Page<Recipient> page = campaigns.recipients(id(request), state, after, limit);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("items", CampaignJson.recipients(page.items()));
    json.put("nextCursor", page.nextCursor() == null ? null
        : Paging.encodeCursor(page.nextCursor()));
    return HttpResponse.json(200, json);
  }
}

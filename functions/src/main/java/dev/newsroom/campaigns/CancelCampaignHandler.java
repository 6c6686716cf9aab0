package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code POST /api/admin/campaigns/{id}/cancel}: every recipient not yet sent to is skipped. */
public final class CancelCampaignHandler extends CampaignAdminHandler {

  public CancelCampaignHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  CancelCampaignHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    return HttpResponse.json(200, CampaignJson.of(campaigns.cancel(id(request))));
  }
}

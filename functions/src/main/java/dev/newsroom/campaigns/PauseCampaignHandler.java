package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code POST /api/admin/campaigns/{id}/pause}: senders stop claiming within seconds. */
public final class PauseCampaignHandler extends CampaignAdminHandler {

  public PauseCampaignHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  PauseCampaignHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    return HttpResponse.json(200, CampaignJson.of(campaigns.pause(id(request))));
  }
}

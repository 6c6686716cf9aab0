package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code GET /api/admin/campaigns/{id}}: the campaign with its progress and stats. */
public final class GetCampaignHandler extends CampaignAdminHandler {

  public GetCampaignHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  GetCampaignHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    return HttpResponse.json(200, CampaignJson.of(campaigns.get(id(request))));
  }
}

package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code POST /api/admin/campaigns/{id}/resume}: sending continues to pending recipients only. */
public final class ResumeCampaignHandler extends CampaignAdminHandler {

  public ResumeCampaignHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  ResumeCampaignHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    return HttpResponse.json(200, CampaignJson.of(campaigns.resume(id(request))));
  }
}

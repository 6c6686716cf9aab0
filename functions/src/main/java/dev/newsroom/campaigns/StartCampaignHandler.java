package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.JsonBody;

/** {@code POST /api/admin/campaigns/{id}/start}: now, or at {@code {"at": time}}. */
public final class StartCampaignHandler extends CampaignAdminHandler {

  record Body(String at) {}

  public StartCampaignHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  StartCampaignHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    String at = request.body().length == 0 ? null : JsonBody.read(request, Body.class).at();
    return HttpResponse.json(202, CampaignJson.of(campaigns.start(id(request),
        instant("at", at))));
  }
}

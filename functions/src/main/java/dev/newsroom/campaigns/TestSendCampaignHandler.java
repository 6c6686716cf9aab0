package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.JsonBody;
import java.util.List;
import java.util.Map;

/** {@code POST /api/admin/campaigns/{id}/test}: the email, marked as a test, to 1-5 addresses. */
public final class TestSendCampaignHandler extends CampaignAdminHandler {

  record Body(List<String> to) {}

  public TestSendCampaignHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  TestSendCampaignHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    Body body = JsonBody.read(request, Body.class);
    return HttpResponse.json(200, Map.of("results", campaigns.testSend(id(request), body.to())));
  }
}

package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.JsonBody;
import java.util.List;

/**
 * {@code POST /api/admin/campaigns}: a draft campaign of a published article
 * ({@code {"article": slug}}) or a digest ({@code {"digest": {}}} for everything since the last
 * digest, or {@code {"digest": {"from": ..., "to": ...}}}).
 */
public final class CreateCampaignHandler extends CampaignAdminHandler {

  record Range(String from, String to) {}

  record Body(String article, Range digest, String subject, String preheader,
      List<String> audience) {}

  public CreateCampaignHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  CreateCampaignHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    Body body = JsonBody.read(request, Body.class);
    CampaignRequest create = new CampaignRequest(body.article(), body.digest() != null,
        body.digest() == null ? null : instant("from", body.digest().from()),
        body.digest() == null ? null : instant("to", body.digest().to()), body.subject(),
        body.preheader(), body.audience());
    Campaign campaign = campaigns.create(create, editor);
    return HttpResponse.json(201, CampaignJson.of(campaign))
        .withHeader("Location", "/api/admin/campaigns/" + campaign.id());
  }
}

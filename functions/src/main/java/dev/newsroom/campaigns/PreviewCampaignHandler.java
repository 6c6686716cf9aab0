package dev.newsroom.campaigns;

import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import java.util.Map;

/** {@code GET /api/admin/campaigns/{id}/preview}: the email's HTML and text; sends nothing. */
public final class PreviewCampaignHandler extends CampaignAdminHandler {

  public PreviewCampaignHandler() {
    this(CampaignsWiring.service(), EditorsWiring.service());
  }

  PreviewCampaignHandler(CampaignService campaigns, EditorKeyService keys) {
    super(campaigns, keys);
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    CampaignComposer.Preview preview = campaigns.preview(id(request));
    return HttpResponse.json(200, Map.of("subject", preview.subject(), "html", preview.html(),
        "text", preview.text()));
  }
}

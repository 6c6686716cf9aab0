package dev.newsroom.images;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code GET /api/admin/images/{id}}: pending, ready (URLs and sizes) or refused (why). */
public final class GetImageHandler extends AdminHttpHandler {

  private final ImageService images;
  private final String siteUrl;

  public GetImageHandler() {
    this(ImagesWiring.service(), EditorsWiring.service(), ImagesWiring.siteUrl());
  }

  GetImageHandler(ImageService images, EditorKeyService keys, String siteUrl) {
    super(keys);
    this.images = images;
    this.siteUrl = siteUrl;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editorId) {
    Image image = images.status(request.pathParameter("id").orElse(""));
    return HttpResponse.json(200, ImageJson.status(image, siteUrl));
  }
}

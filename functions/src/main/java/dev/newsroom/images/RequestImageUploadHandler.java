package dev.newsroom.images;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.JsonBody;

/** {@code POST /api/admin/images}: a presigned upload URL for one image of a declared size. */
public final class RequestImageUploadHandler extends AdminHttpHandler {

  private final ImageService images;

  public RequestImageUploadHandler() {
    this(ImagesWiring.service(), EditorsWiring.service());
  }

  RequestImageUploadHandler(ImageService images, EditorKeyService keys) {
    super(keys);
    this.images = images;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editorId) {
    ImageService.UploadRequest input = JsonBody.read(request, ImageService.UploadRequest.class);
    return HttpResponse.json(201, ImageJson.upload(images.requestUpload(input, editorId)));
  }
}

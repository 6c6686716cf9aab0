package dev.newsroom.images;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of images in API responses (see openapi.yaml). */
final class ImageJson {

  private ImageJson() {}

  static Map<String, Object> upload(ImageService.Upload upload) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", upload.id());
    json.put("uploadUrl", upload.uploadUrl());
    json.put("uploadMethod", "PUT");
    json.put("uploadHeaders", Map.of("Content-Type", upload.contentType(),
        "Content-Length", Long.toString(upload.size())));
    json.put("expiresAt", upload.expiresAt().toString());
    return json;
  }

  /**
   * @param siteUrl the public origin that serves {@code images/}, without a trailing slash
   */
  static Map<String, Object> status(Image image, String siteUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", image.id());
    json.put("status", image.status() == ImageStatus.PROCESSING ? "pending"
        : image.status().name().toLowerCase(java.util.Locale.ROOT));
    json.put("contentType", image.contentType());
    json.put("size", image.size());
    json.put("fileName", image.fileName());
    json.put("createdAt", image.createdAt().toString());
    if (image.status() == ImageStatus.READY) {
      List<Image.Rendition> renditions = image.renditions();
      String largest = "/" + renditions.get(renditions.size() - 1).key();
      json.put("width", image.width());
      json.put("height", image.height());
      // The site path is what articles should hold: it works on every origin of the site.
      json.put("path", largest);
      json.put("url", siteUrl + largest);
      List<Map<String, Object>> list = new ArrayList<>();
      for (Image.Rendition r : renditions) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("width", r.width());
        one.put("height", r.height());
        one.put("url", siteUrl + "/" + r.key());
        list.add(one);
      }
      json.put("renditions", list);
    }
    if (image.status() == ImageStatus.REFUSED) {
      json.put("reason", image.reason());
    }
    return json;
  }
}

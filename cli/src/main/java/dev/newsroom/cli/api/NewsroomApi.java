package dev.newsroom.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The editors' API as the client uses it (docs/api.md, docs/images.md). Every method throws
 * {@link ApiRefusedException} for a 4xx and {@link ApiUnavailableException} when the server
 * cannot be reached or fails.
 */
public interface NewsroomApi {

  /** {@code PUT /api/admin/articles/{slug}}: the same content again writes nothing. */
  SavedArticle putArticle(String slug, ArticleDraft draft);

  SavedArticle publish(String slug, boolean newsletter);

  SavedArticle schedule(String slug, String publishAt, boolean newsletter);

  SavedArticle unpublish(String slug);

  void delete(String slug);

  /** One page of {@code GET /api/admin/articles}: {@code {items, nextCursor}}. */
  JsonNode articles(String status, String cursor);

  /** One page of {@code GET /api/admin/messages}: {@code {items, nextCursor}}. */
  JsonNode messages(String status, String cursor);

  ImageUpload requestImageUpload(String contentType, long size, String fileName);

  /** Sends the bytes to the presigned URL; the editor key never goes there. */
  void upload(ImageUpload upload, byte[] bytes);

  ImageState image(String id);
}

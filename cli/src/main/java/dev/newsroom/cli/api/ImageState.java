package dev.newsroom.cli.api;

/**
 * {@code GET /api/admin/images/{id}}.
 *
 * @param status pending, ready or refused
 * @param path the site path of the largest rendition, once ready
 * @param reason why it was refused
 */
public record ImageState(String id, String status, String path, String reason) {

  public boolean ready() {
    return "ready".equals(status);
  }

  public boolean refused() {
    return "refused".equals(status);
  }
}

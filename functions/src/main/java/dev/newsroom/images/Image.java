package dev.newsroom.images;

import java.time.Instant;
import java.util.List;

/**
 * One upload and what became of it.
 *
 * @param width the largest rendition's width (0 until ready)
 * @param renditions bucket keys' widths and heights, smallest first (empty until ready)
 * @param reason why it was refused (null otherwise)
 */
public record Image(String id, String editorId, String contentType, long size, String fileName,
    ImageStatus status, Instant createdAt, Instant claimedAt, int width, int height,
    String extension, List<Rendition> renditions, String reason) {

  public record Rendition(int width, int height, String key) {}

  public Image {
    renditions = renditions == null ? List.of() : List.copyOf(renditions);
  }

  static Image pending(String id, String editorId, String contentType, long size, String fileName,
      Instant now) {
    return new Image(id, editorId, contentType, size, fileName, ImageStatus.PENDING, now, null, 0,
        0, null, List.of(), null);
  }

  /** The bucket key the editor's upload goes to. Never public: CloudFront serves images/ only. */
  public static String uploadKey(String id) {
    return "uploads/" + id;
  }
}

package dev.newsroom.images;

import java.util.Optional;

/** The formats an editor may upload, recognised by their bytes, never by a name or a header. */
public enum ImageFormat {
  JPEG("image/jpeg", "jpeg"),
  PNG("image/png", "png"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp");

  private final String contentType;
  private final String readerName;

  ImageFormat(String contentType, String readerName) {
    this.contentType = contentType;
    this.readerName = readerName;
  }

  public String contentType() {
    return contentType;
  }

  /** The ImageIO format name of its reader. */
  String readerName() {
    return readerName;
  }

  public static Optional<ImageFormat> ofContentType(String contentType) {
    for (ImageFormat format : values()) {
      if (format.contentType.equalsIgnoreCase(contentType)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The format whose signature the bytes start with; SVG, HTML and the rest have none of them. */
  static Optional<ImageFormat> sniff(byte[] b) {
    if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of(GIF);
    }
    if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, int... signature) {
    if (bytes.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}

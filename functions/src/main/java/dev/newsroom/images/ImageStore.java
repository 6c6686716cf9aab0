package dev.newsroom.images;

import java.util.Optional;

/** The bucket: uploaded originals in, public renditions out. */
public interface ImageStore {

  /** The original's bytes, or empty when it is gone (already processed, or expired). */
  Optional<byte[]> readUpload(String key, long maxBytes) throws TooLargeException;

  /** A public rendition, cached for a year: its key never holds other bytes. */
  void putRendition(String key, byte[] bytes, String contentType);

  void deleteUpload(String key);

  /** The stored object is larger than the caller will read. */
  final class TooLargeException extends Exception {
    public TooLargeException() {
      super(null, null, false, false);
    }
  }
}

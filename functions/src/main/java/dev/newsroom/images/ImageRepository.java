package dev.newsroom.images;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The images' records: who asked for an upload, and its status. */
public interface ImageRepository {

  void create(Image image);

  Optional<Image> find(String id);

  /**
   * Takes the image for processing: true if it was pending, or processing since before
   * {@code staleBefore} (a worker that crashed). False when it is done or another worker holds it,
   * which is how a re-delivered event does nothing.
   */
  boolean claim(String id, Instant now, Instant staleBefore);

  /**
   * Gives a claim back (processing → pending) if it is still the one taken at {@code claimedAt};
   * a claim taken over since, or an image already finished, is left as it is.
   */
  void release(String id, Instant claimedAt);

  void markReady(String id, int width, int height, String extension,
      List<Image.Rendition> renditions);

  void markRefused(String id, String reason);
}

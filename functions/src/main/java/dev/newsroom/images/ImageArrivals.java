package dev.newsroom.images;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An upload arrived: claim it, process it, publish the renditions, record the outcome, delete
 * the original. S3 delivers events at least once, so the claim makes a second delivery do nothing;
 * a worker that died mid-way leaves a stale claim that a later delivery takes over, and rewriting
 * the same renditions under the same keys is harmless.
 */
public final class ImageArrivals {

  /** Longer than the function's timeout: a live claim is never taken over. */
  static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

  private final ImageRepository images;
  private final ImageStore store;
  private final ImageProcessor processor;
  private final Clock clock;

  public ImageArrivals(ImageRepository images, ImageStore store, ImageProcessor processor,
      Clock clock) {
    this.images = images;
    this.store = store;
    this.processor = processor;
    this.clock = clock;
  }

  public enum Outcome { READY, REFUSED, SKIPPED }

  public Outcome arrived(String key) {
    String id = key.startsWith("uploads/") ? key.substring("uploads/".length()) : "";
    Optional<Image> found = id.isEmpty() ? Optional.empty() : images.find(id);
    if (found.isEmpty()) {
      // Not an upload we signed (or its record is gone): the lifecycle rule removes it.
      Log.info("image.unknown_upload", Map.of("keyLength", key.length()));
      return Outcome.SKIPPED;
    }
    Instant now = clock.now();
    if (!images.claim(id, now, now.minus(CLAIM_TIMEOUT))) {
      Log.info("image.already_claimed", Map.of("image", id));
      return Outcome.SKIPPED;
    }
    Image image = found.get();
    Optional<byte[]> bytes;
    try {
      bytes = store.readUpload(key, ImageProcessor.MAX_BYTES);
    } catch (ImageStore.TooLargeException e) {
      return refuse(image, key, "The file is over 20 MB.");
    }
    if (bytes.isEmpty()) {
      return refuse(image, key, "The upload is missing; ask for a new upload URL.");
    }
    ProcessedImage processed;
    try {
      processed = processor.process(bytes.get(), image.contentType());
    } catch (ImageRefusedException e) {
      return refuse(image, key, e.getMessage());
    }
    List<Image.Rendition> renditions = new ArrayList<>();
    for (ProcessedImage.Output output : processed.outputs()) {
      String renditionKey = Renditions.key(id, processed.width(), processed.height(),
          output.width(), processed.extension());
      store.putRendition(renditionKey, output.bytes(), processed.contentType());
      renditions.add(new Image.Rendition(output.width(), output.height(), renditionKey));
    }
    // Ready only once every rendition is stored, so a ready image never has a missing width.
    images.markReady(id, processed.width(), processed.height(), processed.extension(),
        renditions);
    store.deleteUpload(key);
    Log.info("image.ready", Map.of("image", id, "renditions", renditions.size()));
    return Outcome.READY;
  }

  private Outcome refuse(Image image, String key, String reason) {
    images.markRefused(image.id(), reason);
    store.deleteUpload(key);
    Log.info("image.refused", Map.of("image", image.id()));
    return Outcome.REFUSED;
  }
}

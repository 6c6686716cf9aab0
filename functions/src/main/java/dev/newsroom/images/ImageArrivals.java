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
 * the original. S3 delivers events at least once and Lambda retries a failed one twice, then
 * sends it to the dead-letter queue; the claim keeps that exactly once and never silent:
 * <ul>
 *   <li>a delivery for a finished image does nothing and succeeds;</li>
 *   <li>a failure after the claim gives the claim back before it propagates, so the retry
 *       starts afresh;</li>
 *   <li>a delivery that finds the claim held fails, so it comes back once the holder is done or
 *       its claim is stale (a worker that timed out or could not give it back), and ends in the
 *       dead-letter queue if it never is.</li>
 * </ul>
 * Rewriting the same renditions under the same keys is harmless.
 */
public final class ImageArrivals {

  /**
   * Longer than ProcessImageFunction's 120 s timeout, so a live claim is never taken over, and
   * shorter than that timeout plus the minute Lambda waits before its first retry, so the retry
   * of a worker that timed out takes the claim over ({@code ImagesTemplateTest} checks both).
   */
  static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(150);

  static final String UNPROCESSABLE = "The image could not be processed.";

  /** The CPU-bound step: checks the bytes and makes the renditions, or says why not. */
  @FunctionalInterface
  public interface Processing {
    ProcessedImage process(byte[] bytes, String declaredType) throws ImageRefusedException;
  }

  /** Another invocation holds the image's claim: this event must come back later. */
  public static final class ClaimHeldException extends RuntimeException {
    ClaimHeldException() {
      super("the image is claimed by another invocation", null, false, false);
    }
  }

  private final ImageRepository images;
  private final ImageStore store;
  private final Processing processor;
  private final Clock clock;

  public ImageArrivals(ImageRepository images, ImageStore store, Processing processor,
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
      if (images.find(id).map(Image::status).orElse(null) == ImageStatus.PROCESSING) {
        // Held by a live worker, or by one that died or could not give it back. Succeeding here
        // would end Lambda's retries with the image unfinished; failing brings the event back
        // once that claim is done or stale, and to the dead-letter queue if it never is.
        Log.info("image.claim_held", Map.of("image", id));
        throw new ClaimHeldException();
      }
      Log.info("image.already_done", Map.of("image", id));
      return Outcome.SKIPPED;
    }
    try {
      return process(found.get(), key);
    } catch (RuntimeException | Error e) {
      release(id, now, e);
      throw e;
    }
  }

  private Outcome process(Image image, String key) {
    String id = image.id();
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
    } catch (RuntimeException e) {
      // Computation on the bytes alone: a retry would fail the same way, so this is the file's
      // outcome. The editor gets a generic reason; the log keeps the trace, without messages.
      Log.error("image.processing_failed", e);
      return refuse(image, key, UNPROCESSABLE);
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

  /** Only our own claim: one that went stale and was taken over is left to its new holder. */
  private void release(String id, Instant claimedAt, Throwable failure) {
    try {
      images.release(id, claimedAt);
      Log.info("image.claim_released", Map.of("image", id));
    } catch (RuntimeException e) {
      // The claim goes stale after CLAIM_TIMEOUT and a later retry takes it over.
      failure.addSuppressed(e);
    }
  }

  private Outcome refuse(Image image, String key, String reason) {
    images.markRefused(image.id(), reason);
    store.deleteUpload(key);
    Log.info("image.refused", Map.of("image", image.id()));
    return Outcome.REFUSED;
  }
}

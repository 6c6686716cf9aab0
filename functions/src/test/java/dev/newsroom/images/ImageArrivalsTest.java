package dev.newsroom.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ImageArrivalsTest {

  private final InMemoryImageRepository images = new InMemoryImageRepository();
  private final InMemoryImageStore store = new InMemoryImageStore();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
  private final ImageArrivals arrivals =
      new ImageArrivals(images, store, new ImageProcessor(), now::get);

  private String upload(byte[] bytes, String type) {
    String id = "abcdefghijklmnopqrstu" + (char) ('0' + store.uploads.size());
    images.create(Image.pending(id, "ed", type, bytes.length, "photo", now.get()));
    store.uploads.put(Image.uploadKey(id), bytes);
    return id;
  }

  @Test
  void arrived_whenGoodJpeg_thenRenditionsStoredAndReadyAndOriginalGone() {
    String id = upload(TestImages.jpeg(1200, 900), "image/jpeg");

    assertThat(arrivals.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.READY);

    Image image = images.find(id).orElseThrow();
    assertThat(image.status()).isEqualTo(ImageStatus.READY);
    assertThat(image.renditions()).extracting(Image.Rendition::key).containsExactly(
        "images/" + id + "-1200x900/600.jpg", "images/" + id + "-1200x900/1000.jpg",
        "images/" + id + "-1200x900/1200.jpg");
    assertThat(store.renditions.keySet()).hasSize(3);
    assertThat(store.uploads).isEmpty();
  }

  @Test
  void arrived_whenRedelivered_thenWorkDoneOnce() {
    String id = upload(TestImages.jpeg(700, 500), "image/jpeg");
    arrivals.arrived(Image.uploadKey(id));
    int writes = store.renditionWrites.get();

    assertThat(arrivals.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.SKIPPED);

    assertThat(store.renditionWrites.get()).isEqualTo(writes);
    assertThat(images.find(id).orElseThrow().status()).isEqualTo(ImageStatus.READY);
  }

  @Test
  void arrived_whenAnotherWorkerHoldsAFreshClaim_thenFailsForALaterRetryAndWritesNothing() {
    String id = upload(TestImages.jpeg(700, 500), "image/jpeg");
    images.claim(id, now.get(), now.get().minusSeconds(1));

    assertThatThrownBy(() -> arrivals.arrived(Image.uploadKey(id)))
        .isInstanceOf(ImageArrivals.ClaimHeldException.class);
    assertThat(store.renditionWrites.get()).isZero();
    assertThat(images.find(id).orElseThrow().status()).isEqualTo(ImageStatus.PROCESSING);
  }

  @Test
  void arrived_whenStoreFailsOnceAfterTheClaim_thenClaimGivenBackAndRetryCompletes() {
    String id = upload(TestImages.jpeg(700, 500), "image/jpeg");
    ImageArrivals failingOnce = new ImageArrivals(images, new FailingOnceStore(store),
        new ImageProcessor(), now::get);

    assertThatThrownBy(() -> failingOnce.arrived(Image.uploadKey(id)))
        .isInstanceOf(IllegalStateException.class).hasMessage("S3 unavailable");
    assertThat(images.find(id).orElseThrow().status()).isEqualTo(ImageStatus.PENDING);

    // Lambda's first retry of the failed event, a minute later.
    now.set(now.get().plus(Duration.ofMinutes(1)));
    assertThat(failingOnce.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.READY);
    assertThat(images.find(id).orElseThrow().status()).isEqualTo(ImageStatus.READY);
  }

  @Test
  void arrived_whenTheClaimCannotBeGivenBack_thenFirstRetryFailsAndSecondTakesOver() {
    String id = upload(TestImages.jpeg(700, 500), "image/jpeg");
    InMemoryImageRepository unreleasable = new InMemoryImageRepository() {
      @Override
      public void release(String imageId, Instant claimedAt) {
        throw new IllegalStateException("DynamoDB unavailable");
      }
    };
    unreleasable.create(images.find(id).orElseThrow());
    ImageArrivals failingOnce = new ImageArrivals(unreleasable, new FailingOnceStore(store),
        new ImageProcessor(), now::get);

    assertThatThrownBy(() -> failingOnce.arrived(Image.uploadKey(id)))
        .hasMessage("S3 unavailable")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("DynamoDB unavailable"));
    // Lambda retries one minute after the failure, then two minutes after that.
    now.set(now.get().plus(Duration.ofMinutes(1)));
    assertThatThrownBy(() -> failingOnce.arrived(Image.uploadKey(id)))
        .isInstanceOf(ImageArrivals.ClaimHeldException.class);
    now.set(now.get().plus(Duration.ofMinutes(2)));
    assertThat(failingOnce.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.READY);
  }

  @Test
  void arrived_whenRetriedAfterTheWorkerTimedOut_thenTheRetryTakesTheClaimOver() {
    String id = upload(TestImages.jpeg(700, 500), "image/jpeg");
    images.claim(id, now.get(), now.get().minusSeconds(1));
    // Killed at the function's 120 s timeout; Lambda retries a minute later.
    now.set(now.get().plus(Duration.ofSeconds(120 + 60)));

    assertThat(arrivals.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.READY);
  }

  @Test
  void arrived_whenProcessingFailsUnexpectedly_thenRefusedWithAGenericReason() {
    String id = upload(TestImages.jpeg(700, 500), "image/jpeg");
    ImageArrivals broken = new ImageArrivals(images, store, (bytes, type) -> {
      throw new IllegalArgumentException("Raster bounds outside 0,0");
    }, now::get);

    assertThat(broken.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.REFUSED);

    Image image = images.find(id).orElseThrow();
    assertThat(image.status()).isEqualTo(ImageStatus.REFUSED);
    assertThat(image.reason()).isEqualTo("The image could not be processed.");
    assertThat(store.renditions).isEmpty();
    assertThat(store.uploads).isEmpty();
  }

  @Test
  void arrived_whenClaimIsStale_thenTakenOverAndFinished() {
    String id = upload(TestImages.jpeg(700, 500), "image/jpeg");
    images.claim(id, now.get(), now.get().minusSeconds(1));
    now.set(now.get().plus(ImageArrivals.CLAIM_TIMEOUT).plus(Duration.ofSeconds(1)));

    assertThat(arrivals.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.READY);
  }

  @Test
  void arrived_whenPolyglot_thenRefusedWithReasonAndNothingPublic() {
    String id = upload(TestImages.polyglot(), "image/jpeg");

    assertThat(arrivals.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.REFUSED);

    Image image = images.find(id).orElseThrow();
    assertThat(image.status()).isEqualTo(ImageStatus.REFUSED);
    assertThat(image.reason()).isEqualTo(ImageEnd.TRAILING);
    assertThat(store.renditions).isEmpty();
    assertThat(store.uploads).isEmpty();
  }

  @Test
  void arrived_whenKeyIsNotAnUploadWeSigned_thenSkipped() {
    store.uploads.put("uploads/unknown", TestImages.jpeg(10, 10));

    assertThat(arrivals.arrived("uploads/unknown")).isEqualTo(ImageArrivals.Outcome.SKIPPED);
    assertThat(arrivals.arrived("images/x")).isEqualTo(ImageArrivals.Outcome.SKIPPED);
    assertThat(store.renditions).isEmpty();
  }

  /** The bucket, with the first rendition write failing as S3 does when it is unavailable. */
  private static final class FailingOnceStore implements ImageStore {

    private final ImageStore store;
    private final AtomicBoolean failed = new AtomicBoolean();

    FailingOnceStore(ImageStore store) {
      this.store = store;
    }

    @Override
    public Optional<byte[]> readUpload(String key, long maxBytes) throws TooLargeException {
      return store.readUpload(key, maxBytes);
    }

    @Override
    public void putRendition(String key, byte[] bytes, String contentType) {
      if (failed.compareAndSet(false, true)) {
        throw new IllegalStateException("S3 unavailable");
      }
      store.putRendition(key, bytes, contentType);
    }

    @Override
    public void deleteUpload(String key) {
      store.deleteUpload(key);
    }
  }
}

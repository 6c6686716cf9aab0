package dev.newsroom.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
  void arrived_whenAnotherWorkerHoldsAFreshClaim_thenSkipped() {
    String id = upload(TestImages.jpeg(700, 500), "image/jpeg");
    images.claim(id, now.get(), now.get().minusSeconds(1));

    assertThat(arrivals.arrived(Image.uploadKey(id))).isEqualTo(ImageArrivals.Outcome.SKIPPED);
    assertThat(store.renditionWrites.get()).isZero();
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
}

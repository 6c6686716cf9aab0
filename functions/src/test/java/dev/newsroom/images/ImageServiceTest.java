package dev.newsroom.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.NotFoundException;
import dev.newsroom.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageServiceTest {

  private final InMemoryImageRepository images = new InMemoryImageRepository();
  private final List<String> signed = new ArrayList<>();
  private final Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final ImageService service = new ImageService(images, (key, type, size, validFor) -> {
    signed.add(key + " " + type + " " + size + " " + validFor);
    return "https://bucket.example/" + key + "?signed";
  }, () -> now);

  @Test
  void requestUpload_whenValid_thenPendingImageAndUrlForThatKeySizeAndType() {
    ImageService.Upload upload = service.requestUpload(
        new ImageService.UploadRequest("image/jpeg", 12345L, "beach.jpg"), "editor-1");

    assertThat(upload.id()).hasSize(22);
    assertThat(upload.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(5)));
    assertThat(signed).containsExactly("uploads/" + upload.id() + " image/jpeg 12345 PT5M");
    assertThat(images.find(upload.id()).orElseThrow().status()).isEqualTo(ImageStatus.PENDING);
  }

  @Test
  void requestUpload_whenSvg_thenInvalidContentTypeAndNothingStored() {
    assertThatThrownBy(() -> service.requestUpload(
        new ImageService.UploadRequest("image/svg+xml", 100L, "x.svg"), "editor-1"))
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("contentType");
    assertThat(signed).isEmpty();
  }

  @Test
  void requestUpload_whenOver20Megabytes_thenInvalidSize() {
    assertThatThrownBy(() -> service.requestUpload(new ImageService.UploadRequest(
        "image/png", ImageProcessor.MAX_BYTES + 1, "big.png"), "editor-1"))
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("size");
  }

  @Test
  void requestUpload_whenNoFileName_thenInvalidFileName() {
    assertThatThrownBy(() -> service.requestUpload(
        new ImageService.UploadRequest("image/png", 10L, " "), "editor-1"))
        .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("fileName");
  }

  @Test
  void status_whenUnknownId_thenNotFound() {
    assertThatThrownBy(() -> service.status("nope")).isInstanceOf(NotFoundException.class);
  }

  /** DynamoDB refuses a key over 2,048 bytes with an error; such an id is not looked up. */
  @Test
  void status_whenIdCannotBeOne_thenNotFoundWithoutALookup() {
    ImageService refusingLookups = new ImageService(new InMemoryImageRepository() {
      @Override
      public java.util.Optional<Image> find(String id) {
        throw new AssertionError("looked up " + id.length() + " characters");
      }
    }, (key, type, size, validFor) -> "unused", () -> now);

    assertThatThrownBy(() -> refusingLookups.status("x".repeat(3000)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> refusingLookups.status("../../etc/passwd"))
        .isInstanceOf(NotFoundException.class);
  }
}

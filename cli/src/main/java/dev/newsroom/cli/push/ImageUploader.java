package dev.newsroom.cli.push;

import dev.newsroom.cli.api.ApiRefusedException;
import dev.newsroom.cli.api.ApiUnavailableException;
import dev.newsroom.cli.api.ImageState;
import dev.newsroom.cli.api.ImageUpload;
import dev.newsroom.cli.api.NewsroomApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns a local image file into the path of a ready Newsroom image: uploads it and waits for the
 * processing, unless a file with the same content (SHA-256) was uploaded to this site before and
 * that image is still there.
 */
public final class ImageUploader {

  /** The API refuses more (docs/images.md); checking first saves sending 20 MB for nothing. */
  static final long MAX_BYTES = 20L * 1024 * 1024;
  private static final Duration FIRST_POLL = Duration.ofMillis(200);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

  /** Waits between status checks; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** @param uploaded false when an earlier upload of the same bytes was used */
  public record Result(String path, boolean uploaded) {}

  private final NewsroomApi api;
  private final PushState state;
  private final Sleeper sleeper;
  private final Duration timeout;

  public ImageUploader(NewsroomApi api, PushState state, Sleeper sleeper, Duration timeout) {
    this.api = api;
    this.state = state;
    this.sleeper = sleeper;
    this.timeout = timeout;
  }

  public Result upload(Path article, Path image) {
    byte[] bytes = bytes(article, image);
    String contentType = contentType(bytes).orElseThrow(() -> new InvalidFileException(article,
        "the image " + image.getFileName() + " is not a JPEG, PNG, GIF or WebP file"));
    String sha256 = sha256(bytes);
    Optional<PushState.UploadedImage> earlier = state.image(sha256).filter(this::stillThere);
    if (earlier.isPresent()) {
      return new Result(earlier.get().path(), false);
    }
    state.forgetImage(sha256);
    ImageUpload upload = api.requestImageUpload(contentType, bytes.length,
        image.getFileName().toString());
    api.upload(upload, bytes);
    ImageState ready = awaitProcessing(article, image, upload.id());
    state.rememberImage(sha256, new PushState.UploadedImage(ready.id(), ready.path()));
    return new Result(ready.path(), true);
  }

  /** A reset dev server or a deleted image: then the file is uploaded again. */
  private boolean stillThere(PushState.UploadedImage image) {
    try {
      ImageState now = api.image(image.id());
      return now.ready() && image.path().equals(now.path());
    } catch (ApiRefusedException e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  private ImageState awaitProcessing(Path article, Path image, String id) {
    Duration waited = Duration.ZERO;
    Duration pause = FIRST_POLL;
    while (true) {
      ImageState state = api.image(id);
      if (state.ready()) {
        return state;
      }
      if (state.refused()) {
        throw new InvalidFileException(article, "Newsroom refused the image "
            + image.getFileName() + ": " + state.reason());
      }
      if (waited.compareTo(timeout) >= 0) {
        throw new ApiUnavailableException("The image " + image.getFileName() + " is still being"
            + " processed after " + timeout.toSeconds() + " s; push again later.");
      }
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiUnavailableException("Interrupted while the image was processed.");
      }
      waited = waited.plus(pause);
      pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL
          : pause.multipliedBy(2);
    }
  }

  private static byte[] bytes(Path article, Path image) {
    try {
      if (Files.size(image) > MAX_BYTES) {
        throw new InvalidFileException(article, "the image " + image.getFileName()
            + " is over 20 MB");
      }
      return Files.readAllBytes(image);
    } catch (IOException e) {
      throw new InvalidFileException(article, "cannot read the image " + image.getFileName()
          + ": " + e.getMessage());
    }
  }

  /** From the first bytes, as the server decides: the name may lie. */
  static Optional<String> contentType(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of("image/jpeg");
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return Optional.of("image/png");
    }
    if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return Optional.of("image/gif");
    }
    if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
        && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

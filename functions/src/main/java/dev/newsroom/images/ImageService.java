package dev.newsroom.images;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.NotFoundException;
import dev.newsroom.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** The editor's side: ask for an upload, then follow it until it is ready or refused. */
public final class ImageService {

  /** What {@code Hashing.randomToken(16)} makes: 16 bytes, base64url without padding. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  /** Long enough to send 20 MB on a slow line, short enough that a leaked URL soon dies. */
  static final Duration UPLOAD_WINDOW = Duration.ofMinutes(5);
  private static final int MAX_FILE_NAME = 200;

  private final ImageRepository images;
  private final UploadSigner signer;
  private final Clock clock;

  public ImageService(ImageRepository images, UploadSigner signer, Clock clock) {
    this.images = images;
    this.signer = signer;
    this.clock = clock;
  }

  public record UploadRequest(String contentType, Long size, String fileName) {}

  public record Upload(String id, String uploadUrl, String contentType, long size,
      Instant expiresAt) {}

  public Upload requestUpload(UploadRequest request, String editorId) {
    if (request == null) {
      throw new ValidationException("contentType", "Give the content type, size and file name.");
    }
    ImageFormat format = ImageFormat.ofContentType(request.contentType())
        .orElseThrow(() -> new ValidationException("contentType",
            "Upload a JPEG, PNG, GIF or WebP image (image/jpeg, image/png, image/gif or "
                + "image/webp)."));
    Long size = request.size();
    if (size == null || size < 1 || size > ImageProcessor.MAX_BYTES) {
      throw new ValidationException("size", "The size must be between 1 byte and 20 MB ("
          + ImageProcessor.MAX_BYTES + " bytes).");
    }
    String fileName = fileName(request.fileName());
    Instant now = clock.now();
    String id = Hashing.randomToken(16);
    images.create(Image.pending(id, editorId, format.contentType(), size, fileName, now));
    String url = signer.presignPut(Image.uploadKey(id), format.contentType(), size, UPLOAD_WINDOW);
    return new Upload(id, url, format.contentType(), size, now.plus(UPLOAD_WINDOW));
  }

  /** An id that cannot be one (ids are 16 random bytes, base64url) is not looked up at all. */
  public Image status(String id) {
    return Optional.ofNullable(id).filter(i -> ID.matcher(i).matches()).flatMap(images::find)
        .orElseThrow(() -> new NotFoundException("No image has this id."));
  }

  private static String fileName(String name) {
    if (name == null || name.isBlank()) {
      throw new ValidationException("fileName", "The file name is required.");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_FILE_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException("fileName",
          "The file name must be at most " + MAX_FILE_NAME + " characters, without control "
              + "characters.");
    }
    return stripped;
  }
}

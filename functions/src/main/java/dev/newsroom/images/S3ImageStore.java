package dev.newsroom.images;

import dev.newsroom.config.AwsErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Originals under {@code uploads/} and renditions under {@code images/}, in one bucket. */
public final class S3ImageStore implements ImageStore {

  /** A rendition's key names its bytes for good (a new upload gets a new id): cache it a year. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final S3Client s3;
  private final String bucket;

  public S3ImageStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public Optional<byte[]> readUpload(String key, long maxBytes) throws TooLargeException {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key))) {
      Long length = in.response().contentLength();
      if (length != null && length > maxBytes) {
        throw new TooLargeException();
      }
      byte[] bytes = readAtMost(in, maxBytes);
      if (bytes == null) {
        throw new TooLargeException();
      }
      return Optional.of(bytes);
    } catch (NoSuchKeyException gone) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Null when the stream holds more than {@code max} bytes, whatever its header said. */
  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    byte[] bytes = in.readNBytes((int) max + 1);
    return bytes.length > max ? null : bytes;
  }

  @Override
  public void putRendition(String key, byte[] bytes, String contentType) {
    try {
      s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl(IMMUTABLE),
          RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void deleteUpload(String key) {
    try {
      s3.deleteObject(r -> r.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }
}

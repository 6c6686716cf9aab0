package dev.newsroom.images;

import dev.newsroom.config.AwsClients;
import java.time.Duration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * SigV4 query-string presigning. Content-Type and Content-Length are signed headers, so S3
 * answers 403 to a PUT of another size or type, as it does to any other key.
 */
public final class S3UploadSigner implements UploadSigner {

  private final S3Presigner presigner;
  private final String bucket;

  public S3UploadSigner(S3Presigner presigner, String bucket) {
    this.presigner = presigner;
    this.bucket = bucket;
  }

  static S3UploadSigner create(String bucket) {
    return new S3UploadSigner(AwsClients.s3Presigner(), bucket);
  }

  @Override
  public String presignPut(String key, String contentType, long size, Duration validFor) {
    return presigner.presignPutObject(PutObjectPresignRequest.builder()
        .signatureDuration(validFor)
        .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType)
            .contentLength(size))
        .build()).url().toString();
  }
}

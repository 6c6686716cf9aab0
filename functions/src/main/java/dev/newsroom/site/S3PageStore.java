package dev.newsroom.site;

import dev.newsroom.config.AwsErrors;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The site bucket through the S3 API. Pages are small single-part objects without KMS, so their
 * ETag is the MD5 of the body, which lets the publisher skip writes that would change nothing.
 */
public final class S3PageStore implements PageStore {

  private final S3Client s3;
  private final String bucket;

  public S3PageStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public Map<String, String> fingerprints(String prefix) {
    Map<String, String> found = new HashMap<>();
    try {
      ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
          .build();
      for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
        found.put(object.key(), unquote(object.eTag()));
      }
      return found;
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public Set<String> folders(String prefix) {
    Set<String> names = new TreeSet<>();
    try {
      ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
          .delimiter("/").build();
      for (CommonPrefix folder : s3.listObjectsV2Paginator(request).commonPrefixes()) {
        String name = folder.prefix().substring(prefix.length());
        names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
      }
      return names;
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void put(SiteFile file) {
    try {
      // Content-MD5 makes S3 refuse a body damaged on the way.
      String md5 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.md5Hex()));
      s3.putObject(r -> r.bucket(bucket).key(file.key()).contentType(file.contentType())
          .cacheControl(file.cacheControl()).contentMD5(md5), RequestBody.fromBytes(file.body()));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      s3.deleteObject(r -> r.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  private static String unquote(String etag) {
    return etag == null ? "" : etag.replace("\"", "").toLowerCase(Locale.ROOT);
  }
}

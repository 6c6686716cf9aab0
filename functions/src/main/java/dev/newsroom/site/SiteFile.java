package dev.newsroom.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of the site bucket, ready to write.
 *
 * @param key the object key, e.g. {@code articles/some-slug/index.html}
 * @param cacheControl how long browsers and CloudFront may keep it
 */
public record SiteFile(String key, byte[] body, String contentType, String cacheControl) {

  /**
   * Browsers revalidate every time (S3 answers 304 on the ETag); CloudFront keeps a page at most
   * 30 s, so an unpublished article is gone from the edge within half a minute.
   */
  public static final String PAGE_CACHE = "public, max-age=0, s-maxage=30, must-revalidate";

  public static final String HTML = "text/html; charset=utf-8";
  public static final String ATOM = "application/atom+xml; charset=utf-8";
  public static final String XML = "application/xml; charset=utf-8";
  public static final String TEXT = "text/plain; charset=utf-8";

  public static SiteFile page(String key, String contentType, String text) {
    return new SiteFile(key, text.getBytes(StandardCharsets.UTF_8), contentType, PAGE_CACHE);
  }

  /** Hex MD5 of the body: what S3 reports as the ETag of a single-part, non-KMS object. */
  public String md5Hex() {
    return md5Hex(body);
  }

  public static String md5Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by every JVM", e);
    }
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}

package dev.newsroom.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 and random tokens: the one place secrets are hashed or made. */
public final class Hashing {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Hashing() {}

  public static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  public static String sha256Hex(String input) {
    return HexFormat.of().formatHex(sha256(input.getBytes(StandardCharsets.UTF_8)));
  }

  /** Compares two hashes in time independent of where they differ. */
  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** A URL-safe random token of {@code bytes} bytes of entropy. */
  public static String randomToken(int bytes) {
    byte[] buffer = new byte[bytes];
    // A generator per call, never one seeded at init: a SnapStart snapshot would hand the same
    // state to every restored copy of the function.
    new SecureRandom().nextBytes(buffer);
    return URL.encodeToString(buffer);
  }
}

package dev.newsroom.web;

import dev.newsroom.shared.Log;
import dev.newsroom.config.Env;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The address of the client a request comes from: the one place that decides it, for every
 * handler that counts or records visitors.
 *
 * <p>Behind CloudFront, API Gateway's {@code sourceIp} is the edge server's address, shared by
 * every visitor of that edge. CloudFront states the viewer's address in
 * {@code CloudFront-Viewer-Address} ({@code ip:port}; IPv6 unbracketed, the port after the last
 * colon), but anyone calling the execute-api URL directly can send that header too. So it is
 * trusted only when the request also carries the origin-verify header whose value only the
 * distribution knows ({@code ORIGIN_VERIFY_SECRET}; CloudFront overwrites a viewer's header of
 * that name). Anything else, including a malformed viewer address, falls back to {@code sourceIp}:
 * a caller cannot choose the address it is counted under, and is never refused for it.
 */
public final class ClientAddress {

  static final String VIEWER_ADDRESS = "cloudfront-viewer-address";
  static final String ORIGIN_VERIFY = "x-origin-verify";
  /** Below this the secret could be guessed; the template generates 48 characters. */
  static final int MIN_SECRET_LENGTH = 16;
  /**
   * Longest well-formed value: a bracketed IPv6 address of six 4-digit groups and an embedded
   * IPv4, and a 5-digit port ({@code [hhhh:...:hhhh:255.255.255.255]:65535}).
   */
  static final int MAX_VIEWER_ADDRESS = 53;

  private final byte[] secret;
  /**
   * Operators hear once per container that verified requests lack the viewer's address: a
   * function's handler holds the one instance its container uses.
   */
  private final AtomicBoolean warned = new AtomicBoolean();

  private ClientAddress(byte[] secret) {
    this.secret = secret;
  }

  /** Reads {@code ORIGIN_VERIFY_SECRET} at init; without it, every request counts as sourceIp. */
  public static ClientAddress fromEnv() {
    return Env.optional("ORIGIN_VERIFY_SECRET").map(ClientAddress::behindCloudFront)
        .orElseGet(ClientAddress::direct);
  }

  /** No CloudFront in front (the dev server, tests): the viewer header is never trusted. */
  public static ClientAddress direct() {
    return new ClientAddress(null);
  }

  public static ClientAddress behindCloudFront(String secret) {
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalStateException("ORIGIN_VERIFY_SECRET is shorter than "
          + MIN_SECRET_LENGTH + " characters");
    }
    return new ClientAddress(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** The client's IP address, never null, never a failure. */
  public String of(HttpRequest request) {
    if (secret == null || !verified(request)) {
      return request.sourceIp();
    }
    String viewer = request.header(VIEWER_ADDRESS).map(ClientAddress::parse).orElse(null);
    if (viewer == null) {
      // Values are never logged: the header could carry anything a client chose.
      if (warned.compareAndSet(false, true)) {
        Log.info("viewer_address_unusable", Map.of("fallback", "sourceIp"));
      }
      return request.sourceIp();
    }
    return viewer;
  }

  private boolean verified(HttpRequest request) {
    return request.header(ORIGIN_VERIFY)
        .map(given -> MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret))
        .orElse(false);
  }

  /**
   * The IP of {@code ip:port} (IPv4 dotted quad, IPv6 bare or in brackets), canonical text, or
   * null when the value is anything else. Parsed by hand: no name is ever resolved.
   */
  static String parse(String value) {
    String text = value.trim();
    if (text.isEmpty() || text.length() > MAX_VIEWER_ADDRESS) {
      return null;
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0 || !validPort(text.substring(colon + 1))) {
      return null;
    }
    String host = text.substring(0, colon);
    byte[] bytes;
    if (host.startsWith("[") && host.endsWith("]")) {
      bytes = ipv6(host.substring(1, host.length() - 1));
    } else if (host.indexOf(':') >= 0) {
      bytes = ipv6(host);
    } else {
      bytes = ipv4(host);
    }
    if (bytes == null) {
      return null;
    }
    try {
      // From raw bytes no lookup happens; an IPv4-mapped IPv6 address comes back as IPv4.
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean validPort(String port) {
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
        || port.length() > 1 && port.charAt(0) == '0') {
      return false;
    }
    int number = Integer.parseInt(port);
    return number >= 1 && number <= 65535;
  }

  /** Four decimal octets 0-255, no leading zeros, nothing else. */
  static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || part.length() > 1 && part.charAt(0) == '0') {
        return null;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return null;
      }
      bytes[i] = (byte) octet;
    }
    return bytes;
  }

  /** RFC 4291 text: hex groups of 1-4 digits, at most one "::", an optional IPv4 tail. */
  static byte[] ipv6(String text) {
    if (text.isEmpty() || text.indexOf("::") != text.lastIndexOf("::") || text.contains(":::")) {
      return null;
    }
    int gap = text.indexOf("::");
    String head = gap < 0 ? text : text.substring(0, gap);
    String tail = gap < 0 ? "" : text.substring(gap + 2);
    int[] headGroups = groups(head, gap < 0);
    int[] tailGroups = groups(tail, true);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(headGroups, 0, all, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (all[i] >> 8);
      bytes[2 * i + 1] = (byte) all[i];
    }
    return bytes;
  }

  /**
   * The 16-bit groups of one side of "::" (an embedded IPv4 address, allowed last, counts as
   * two), or null when malformed.
   */
  private static int[] groups(String side, boolean mayEndInIpv4) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    int[] groups = new int[parts.length + 1];
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && mayEndInIpv4 && part.indexOf('.') >= 0) {
        byte[] v4 = ipv4(part);
        if (v4 == null) {
          return null;
        }
        groups[count++] = (v4[0] & 0xff) << 8 | v4[1] & 0xff;
        groups[count++] = (v4[2] & 0xff) << 8 | v4[3] & 0xff;
      } else {
        if (part.isEmpty() || part.length() > 4
            || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
          return null;
        }
        groups[count++] = Integer.parseInt(part, 16);
      }
    }
    return Arrays.copyOf(groups, count);
  }
}

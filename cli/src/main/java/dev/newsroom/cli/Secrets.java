package dev.newsroom.cli;

import java.util.regex.Pattern;

/**
 * Hides editor keys in text the client prints. The client builds no message with a key, but a
 * mistyped option ({@code --kye=nrk...}) comes back in the argument parser's error.
 */
final class Secrets {

  private static final Pattern KEY = Pattern.compile("nrk\\.([A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+");

  private Secrets() {}

  static String redact(String text) {
    return text == null ? null : KEY.matcher(text).replaceAll("nrk.$1.(hidden)");
  }
}

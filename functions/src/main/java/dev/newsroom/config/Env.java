package dev.newsroom.config;

import java.util.Optional;

/**
 * Configuration from the environment that template.yaml sets for each function. A JVM system
 * property of the same name is the fallback, so the dev server can host every function in one JVM.
 */
public final class Env {

  private Env() {}

  public static String require(String name) {
    return optional(name).orElseThrow(
        () -> new IllegalStateException("missing configuration: " + name));
  }

  public static Optional<String> optional(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}

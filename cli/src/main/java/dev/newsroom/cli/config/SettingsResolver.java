package dev.newsroom.cli.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * URL and key, each from the first place that gives it: the command line, then the environment
 * ({@code NEWSROOM_URL}, {@code NEWSROOM_KEY}), then the config file ({@code --config},
 * {@code NEWSROOM_CONFIG}, or {@code $XDG_CONFIG_HOME/newsroom/config}, by default
 * {@code ~/.config/newsroom/config}).
 */
public final class SettingsResolver {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  static final String STATE_FILE = "push-state.json";

  private final Map<String, String> env;
  private final Path home;

  public SettingsResolver(Map<String, String> env, Path home) {
    this.env = env;
    this.home = home;
  }

  /** Any argument may be null: not given on the command line. */
  public Settings resolve(String urlFlag, String keyFlag, Path configFlag) {
    Path configFile = configFile(configFlag);
    Properties file = ConfigFile.read(configFile);
    String url = first(urlFlag, env.get("NEWSROOM_URL"), file.getProperty("url"));
    String key = first(keyFlag, env.get("NEWSROOM_KEY"), file.getProperty("key"));
    if (url == null) {
      throw new ConfigException("No Newsroom URL: give --url, set NEWSROOM_URL, or put url=... in "
          + configFile);
    }
    if (key == null) {
      throw new ConfigException("No editor key: set NEWSROOM_KEY, put key=... in " + configFile
          + " (mode 600), or give --key");
    }
    if (key.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new ConfigException("The editor key holds spaces or other characters no key has.");
    }
    return new Settings(requireSafeUrl(url), key, configFile.resolveSibling(STATE_FILE));
  }

  public Path configFile(Path configFlag) {
    if (configFlag != null) {
      return configFlag;
    }
    String named = env.get("NEWSROOM_CONFIG");
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
    return base.resolve("newsroom").resolve("config");
  }

  /** The key travels in a header: plain http only to this machine (the dev server). */
  static String requireSafeUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new ConfigException("The Newsroom URL is not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigException("The Newsroom URL must be https://host (or http://127.0.0.1:PORT"
          + " for the dev server): " + url);
    }
    if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost())) {
      throw new ConfigException("Refusing to send the editor key over plain http to "
          + uri.getHost() + "; use https.");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getUserInfo() != null) {
      throw new ConfigException("The Newsroom URL takes no user, query or fragment.");
    }
    return uri.toString();
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}

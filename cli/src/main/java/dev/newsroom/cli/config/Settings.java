package dev.newsroom.cli.config;

import java.nio.file.Path;

/**
 * Where the API is and the editor key for it.
 *
 * @param stateFile what earlier pushes uploaded, next to the config file
 */
public record Settings(String url, String key, Path stateFile) {

  /** Never the key: a record's default toString would print it. */
  @Override
  public String toString() {
    return "Settings[url=" + url + ", key=(hidden), stateFile=" + stateFile + "]";
  }
}

package dev.newsroom.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The site bucket in memory, counting writes and deletes like S3 would bill them. */
final class InMemoryPageStore implements PageStore {

  final Map<String, SiteFile> files = new TreeMap<>();
  final List<String> puts = new ArrayList<>();
  final List<String> deletes = new ArrayList<>();
  /** When set, every write throws it, as S3 would when down. */
  RuntimeException failWrites;

  @Override
  public Map<String, String> fingerprints(String prefix) {
    Map<String, String> found = new TreeMap<>();
    files.forEach((key, file) -> {
      if (key.startsWith(prefix)) {
        found.put(key, file.md5Hex());
      }
    });
    return found;
  }

  @Override
  public void put(SiteFile file) {
    if (failWrites != null) {
      throw failWrites;
    }
    files.put(file.key(), file);
    puts.add(file.key());
  }

  @Override
  public void delete(String key) {
    files.remove(key);
    deletes.add(key);
  }

  String text(String key) {
    SiteFile file = files.get(key);
    if (file == null) {
      throw new AssertionError("no file " + key + " in " + files.keySet());
    }
    return file.text();
  }
}

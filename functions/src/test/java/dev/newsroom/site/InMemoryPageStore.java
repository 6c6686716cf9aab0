package dev.newsroom.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The site bucket in memory, counting writes, deletes and listings like S3 would bill them.
 * Thread-safe, as the rebuild writes in parallel.
 */
final class InMemoryPageStore implements PageStore {

  final Map<String, SiteFile> files = new TreeMap<>();
  final List<String> puts = new ArrayList<>();
  final List<String> deletes = new ArrayList<>();
  /** When set, every write throws it, as S3 would when down. */
  RuntimeException failWrites;
  int listings;

  @Override
  public synchronized Map<String, String> fingerprints(String prefix) {
    listings++;
    Map<String, String> found = new TreeMap<>();
    files.forEach((key, file) -> {
      if (key.startsWith(prefix)) {
        found.put(key, file.md5Hex());
      }
    });
    return found;
  }

  @Override
  public synchronized Set<String> folders(String prefix) {
    listings++;
    Set<String> names = new TreeSet<>();
    for (String key : files.keySet()) {
      int slash = key.indexOf('/', prefix.length());
      if (key.startsWith(prefix) && slash > prefix.length()) {
        names.add(key.substring(prefix.length(), slash));
      }
    }
    return names;
  }

  @Override
  public synchronized void put(SiteFile file) {
    if (failWrites != null) {
      throw failWrites;
    }
    files.put(file.key(), file);
    puts.add(file.key());
  }

  @Override
  public synchronized void delete(String key) {
    files.remove(key);
    deletes.add(key);
  }

  synchronized String text(String key) {
    SiteFile file = files.get(key);
    if (file == null) {
      throw new AssertionError("no file " + key + " in " + files.keySet());
    }
    return file.text();
  }
}

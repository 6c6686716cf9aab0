package dev.newsroom.site;

import java.util.Map;
import java.util.Set;

/** Where the rendered site lives (the site bucket). Keys never start with a slash. */
public interface PageStore {

  /** Key to hex MD5 of every stored file whose key starts with {@code prefix}. */
  Map<String, String> fingerprints(String prefix);

  /** Names of the folders directly under {@code prefix} (which ends with a slash). */
  Set<String> folders(String prefix);

  void put(SiteFile file);

  /** Deletes the file; deleting a missing file is not an error. */
  void delete(String key);
}

package dev.newsroom.site;

import java.time.Instant;
import java.util.List;

/**
 * Where one published version of an article sits on the site: its own page, the archive day of
 * its publication, and each tag's month. A change to an article touches the placements of its
 * version before and after, and nothing else.
 */
public record Placement(String slug, List<String> tags, Instant publishedAt) {

  public Placement {
    tags = List.copyOf(tags);
  }

}

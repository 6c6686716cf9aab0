package dev.newsroom.articles;

import java.time.Instant;
import java.util.Objects;

/**
 * When a scheduled article goes out, and whether its newsletter campaign starts with it.
 *
 * @param publishAt the editor's chosen time; never published before it
 */
public record ArticleSchedule(Instant publishAt, boolean newsletter) {

  public ArticleSchedule {
    Objects.requireNonNull(publishAt, "publishAt");
  }
}

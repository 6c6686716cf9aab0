package dev.newsroom.articles;

/** Only published articles are ever visible to visitors; a scheduled one waits for its time. */
public enum ArticleStatus {
  DRAFT, PUBLISHED, SCHEDULED;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

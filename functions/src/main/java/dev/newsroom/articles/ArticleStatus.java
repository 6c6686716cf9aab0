package dev.newsroom.articles;

/** Only published articles are ever visible to visitors. */
public enum ArticleStatus {
  DRAFT, PUBLISHED;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

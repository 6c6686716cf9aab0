package dev.newsroom.articles;

/**
 * The body of {@code POST /api/admin/articles/{slug}/schedule}.
 *
 * @param publishAt ISO-8601 date and time with an offset or {@code Z}
 * @param newsletter start the article's newsletter campaign when it goes out (default false)
 */
public record ScheduleRequest(String publishAt, Boolean newsletter) {}

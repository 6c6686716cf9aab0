package dev.newsroom.articles;

import dev.newsroom.shared.Clock;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Scheduling and unscheduling articles. Each is one conditional write of the article, which moves
 * its publish job in the same transaction (see {@link ArticleRepository#save}), so a change takes
 * effect at once and the job of the replaced version can no longer publish.
 */
public final class ArticleScheduling {

  /** A time this far in the past is still accepted (a slow form, a clock a little behind). */
  static final Duration PAST_GRACE = Duration.ofMinutes(1);
  static final int MAX_YEARS_AHEAD = 2;

  private final ArticleRepository repository;
  private final ArticleService articles;
  private final Clock clock;

  public ArticleScheduling(ArticleRepository repository, Clock clock) {
    this.repository = repository;
    this.articles = new ArticleService(repository, clock);
    this.clock = clock;
  }

  /** Schedules a draft, or reschedules a scheduled article; the same schedule again writes nothing. */
  public Article schedule(String slug, ScheduleRequest request, String editorId) {
    Instant now = clock.now();
    ArticleSchedule schedule = new ArticleSchedule(publishAt(request.publishAt(), now),
        Boolean.TRUE.equals(request.newsletter()));
    Article stored = articles.getForEditors(slug);
    if (stored.isPublished()) {
      throw new ValidationException("status",
          "The article is already published; unpublish it before scheduling it.");
    }
    if (stored.isScheduled() && schedule.equals(stored.schedule())) {
      return stored;
    }
    Article scheduled = stored.withStatus(ArticleStatus.SCHEDULED, stored.publishedAt(), now,
        editorId, schedule);
    repository.save(scheduled, stored);
    return scheduled;
  }

  /** Back to draft. A draft stays as it is; a published article is refused. */
  public Article unschedule(String slug, String editorId) {
    Article stored = articles.getForEditors(slug);
    if (stored.isPublished()) {
      throw new ConflictException("The article is already published; unpublish it instead.");
    }
    if (!stored.isScheduled()) {
      return stored;
    }
    Article draft = stored.withStatus(ArticleStatus.DRAFT, stored.publishedAt(), clock.now(),
        editorId);
    repository.save(draft, stored);
    return draft;
  }

  static Instant publishAt(String value, Instant now) {
    if (value == null || value.isBlank()) {
      throw new ValidationException("publishAt", "publishAt is required.");
    }
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new ValidationException("publishAt", "publishAt must be an ISO-8601 date and time "
          + "with an offset or Z, e.g. 2026-12-24T08:00:00+01:00.");
    }
    Instant instant = time.toInstant();
    if (instant.isBefore(now.minus(PAST_GRACE))) {
      throw new ValidationException("publishAt", "publishAt is in the past.");
    }
    if (instant.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(MAX_YEARS_AHEAD).toInstant())) {
      throw new ValidationException("publishAt", "publishAt is more than two years ahead.");
    }
    return instant;
  }
}

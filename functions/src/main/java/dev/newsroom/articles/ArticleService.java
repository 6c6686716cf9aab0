package dev.newsroom.articles;

import dev.newsroom.images.NewsroomImage;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.NotFoundException;
import dev.newsroom.shared.Page;
import dev.newsroom.shared.Paging;
import dev.newsroom.shared.TextFields;
import dev.newsroom.shared.ValidationException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The article use cases, for visitors and editors. */
public final class ArticleService {

  public static final int MAX_LIMIT = 50;
  public static final int DEFAULT_LIMIT = 10;
  static final int MAX_TITLE = 200;
  static final int MAX_SUMMARY = 500;
  static final int MAX_AUTHOR = 100;
  static final int MAX_BODY = 200_000;
  static final int MAX_TAGS = 10;
  static final int MAX_ALT = 300;
  static final int MAX_URL = 2048;
  /**
   * Absolute https with a host name, and nothing that could break out of an HTML attribute;
   * openapi.yaml's HeroImage.url has the same pattern.
   */
  private static final Pattern HERO_URL = Pattern.compile(
      "https://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
          + "(?:[/?#][^\\x00-\\x20\\x7F-\\x9F\"'<>`\\\\]*)?");
  /** A tag as sent: letters, digits, single hyphens, spaces around (trimmed and lower-cased). */
  private static final Pattern TAG_AS_SENT =
      Pattern.compile(" *[A-Za-z0-9]+(?:-[A-Za-z0-9]+)* *");

  /** What a write did: created, replaced, or nothing because the content was the same. */
  public enum Outcome { CREATED, UPDATED, UNCHANGED }

  public record Saved(Article article, Outcome outcome) {}

  private final ArticleRepository repository;
  private final Clock clock;

  public ArticleService(ArticleRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** A published article; drafts answer exactly like unknown slugs. */
  public Article getPublished(String slug) {
    return Optional.of(slug).filter(Slugs::isSlug).flatMap(repository::find)
        .filter(Article::isPublished)
        .orElseThrow(() -> new NotFoundException("No published article has this slug."));
  }

  public Page<ArticleSummary> listPublished(String tag, Integer limit, String cursor) {
    if (tag != null) {
      Slugs.requireTag(tag);
    }
    return repository.listPublished(tag, requireLimit(limit), ArticleCursor.decode(cursor))
        .withNextCursor(ArticleCursor::encode);
  }

  public Page<ArticleSummary> listForEditors(ArticleStatus status, Integer limit, String cursor) {
    return repository.listByStatus(status, requireLimit(limit), ArticleCursor.decode(cursor))
        .withNextCursor(ArticleCursor::encode);
  }

  public Article getForEditors(String slug) {
    return repository.find(Slugs.requireSlug(slug))
        .orElseThrow(() -> new NotFoundException("No article has this slug."));
  }

  /** Create or replace; idempotent, and a replay with the same content writes nothing. */
  public Saved put(String slug, ArticleInput input, String editorId) {
    Slugs.requireSlug(slug);
    Optional<Article> stored = repository.find(slug);
    Instant now = clock.now();
    Instant publishedAt = optionalInstant(input.publishedAt())
        .orElse(stored.map(Article::publishedAt).orElse(null));
    Article candidate = new Article(
        slug,
        requireText("title", input.title(), MAX_TITLE),
        optionalText("summary", input.summary(), MAX_SUMMARY),
        BodySanitizer.sanitize(requireBody(input), bodyFormat(input.bodyFormat())),
        requireText("author", input.author(), MAX_AUTHOR),
        tags(input.tags()),
        heroUrl(input.heroImage()),
        heroAlt(input.heroImage()),
        stored.map(Article::status).orElse(ArticleStatus.DRAFT),
        publishedAt,
        now,
        editorId,
        stored.map(a -> a.version() + 1).orElse(1L),
        // A scheduled article stays scheduled; the write moves its publish job to this version.
        stored.map(Article::schedule).orElse(null));
    if (stored.isPresent() && stored.get().sameContent(candidate)) {
      return new Saved(stored.get(), Outcome.UNCHANGED);
    }
    repository.save(candidate, stored.orElse(null));
    return new Saved(candidate, stored.isPresent() ? Outcome.UPDATED : Outcome.CREATED);
  }

  /** Publishes now; a scheduled article goes out early and its schedule is dropped. */
  public Article publish(String slug, String editorId) {
    Article stored = getForEditors(slug);
    if (stored.isPublished()) {
      return stored;
    }
    Instant now = clock.now();
    Article published = stored.withStatus(ArticleStatus.PUBLISHED,
        stored.publishedAt() == null ? now : stored.publishedAt(), now, editorId);
    repository.save(published, stored);
    return published;
  }

  /** Back to draft; a scheduled article's schedule is dropped too. */
  public Article unpublish(String slug, String editorId) {
    Article stored = getForEditors(slug);
    if (stored.status() == ArticleStatus.DRAFT) {
      return stored;
    }
    Article draft = stored.withStatus(ArticleStatus.DRAFT, stored.publishedAt(), clock.now(),
        editorId);
    repository.save(draft, stored);
    return draft;
  }

  public void delete(String slug) {
    repository.delete(getForEditors(slug));
  }

  static int requireLimit(Integer limit) {
    return Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
  }

  private static String requireBody(ArticleInput input) {
    if (input.body() == null || input.body().isBlank()) {
      throw new ValidationException("body", "The body is required.");
    }
    if (input.body().codePointCount(0, input.body().length()) > MAX_BODY) {
      throw new ValidationException("body", "The body must be at most 200000 characters.");
    }
    return input.body();
  }

  private static String bodyFormat(String format) {
    if (format == null || format.equals("markdown") || format.equals("html")) {
      return format == null ? "markdown" : format;
    }
    throw new ValidationException("bodyFormat", "The body format must be markdown or html.");
  }

  static String requireText(String field, String value, int max) {
    String text = optionalText(field, value, max);
    if (text.isEmpty()) {
      throw new ValidationException(field, "The " + field + " is required.");
    }
    return text;
  }

  /** Plain text on one line (docs/api-input.md), checked as sent, stored trimmed. */
  static String optionalText(String field, String value, int max) {
    return TextFields.singleLine(field, value == null ? "" : value, max);
  }

  private static List<String> tags(List<String> raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw.size() > MAX_TAGS) {
      throw new ValidationException("tags", "An article has at most 10 tags.");
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : raw) {
      if (tag == null || tag.length() > Slugs.MAX_TAG || !TAG_AS_SENT.matcher(tag).matches()) {
        throw new ValidationException("tags",
            "Each tag must be 1-40 characters of letters, digits and single hyphens.");
      }
      tags.add(tag.strip().toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(tags);
  }

  /**
   * Null for no image. An object must carry a url: {@code {}} or {@code {"url": null}} would
   * otherwise drop the image without a word.
   */
  private static String heroUrl(ArticleInput.HeroImage hero) {
    if (hero == null) {
      return null;
    }
    String url = hero.url();
    if (url == null) {
      throw new ValidationException("heroImage.url",
          "The hero image needs a url; send heroImage: null for none.");
    }
    if (url.length() > MAX_URL
        || !(HERO_URL.matcher(url).matches() || NewsroomImage.isSitePath(url))) {
      throw new ValidationException("heroImage.url", "The hero image must be an https URL with"
          + " a host or the path of a Newsroom image (/images/...), of at most 2048 characters.");
    }
    return url;
  }

  private static String heroAlt(ArticleInput.HeroImage hero) {
    return hero == null ? null : requireText("heroImage.alt", hero.alt(), MAX_ALT);
  }

  private static Optional<Instant> optionalInstant(String value) {
    if (value == null) {
      return Optional.empty();
    }
    Instant instant;
    try {
      instant = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ValidationException("publishedAt", "publishedAt must be an ISO-8601 instant.");
    }
    if (instant.isBefore(ListingKeys.EARLIEST) || instant.isAfter(ListingKeys.LATEST)) {
      throw new ValidationException("publishedAt", "publishedAt must be in the years 1000-9999.");
    }
    return Optional.of(instant);
  }
}

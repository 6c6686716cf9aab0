package dev.newsroom.site;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.images.NewsroomImage;
import dev.newsroom.pages.Layout;
import dev.newsroom.pages.MessagePage;
import dev.newsroom.pages.MessagePages;
import dev.newsroom.pages.PageMeta;
import dev.newsroom.pages.SiteConfig;
import dev.newsroom.pages.SitePaths;
import dev.newsroom.shared.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns articles into the site's files. Pure: the same input gives the same bytes, which is what
 * lets the publisher skip unchanged writes and makes replays harmless.
 */
public final class SiteRenderer {

  public static final int PAGE_SIZE = 10;
  /** Full-content entries, as many as WordPress serves by default. */
  static final int FEED_SIZE = 10;
  static final int SITEMAP_MAX_URLS = 50_000;
  private static final int DESCRIPTION_MAX = 160;
  /** Google's Article rich results show no longer a headline. */
  static final int HEADLINE_MAX = 110;
  private static final java.util.regex.Pattern NUMERIC_ENTITY =
      java.util.regex.Pattern.compile("&#(\\d{1,6});");
  private static final DateTimeFormatter DISPLAY_DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_DISPLAY =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
  private static final DateTimeFormatter MONTH_DISPLAY =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.US);

  record Link(String url, String label) {}

  /**
   * A hero image. A Newsroom image carries its renditions and intrinsic size; an external one
   * keeps the 16:9 box it always had.
   */
  record Hero(String url, String alt, String srcset, String sizes, int width, int height) {

    static final String ARTICLE_SIZES = "(min-width: 47rem) 44rem, calc(100vw - 2.5rem)";
    static final String CARD_SIZES = "(min-width: 72rem) 22rem, (min-width: 40rem) 45vw, 100vw";

    static Hero of(String url, String alt, String sizes) {
      if (url == null) {
        return null;
      }
      return NewsroomImage.parse(url)
          .map(i -> new Hero(i.src(), alt, i.srcset(), sizes, i.width(), i.height()))
          .orElseGet(() -> new Hero(url, alt, null, null, 1200, 675));
    }
  }

  record Item(String url, String title, String summary, String dateIso, String dateDisplay,
      Hero hero, List<Link> tags) {}

  record Pager(Link newer, Link older) {}

  private final SiteConfig site;
  private final Layout layout;

  public SiteRenderer(SiteConfig site) {
    this.site = site;
    this.layout = new Layout(site);
  }

  public SiteFile articlePage(Article a) {
    String path = SitePaths.article(a.slug());
    String description = a.summary() == null || a.summary().isBlank()
        ? clip(plainText(a.bodyHtml())) : clip(a.summary());
    List<String> images = images(a.heroImageUrl());
    PageMeta meta = PageMeta.article(site, path, a.title(), description,
        images.isEmpty() ? null : images.get(0), jsonLd(a, path, images));
    Map<String, Object> scope = layout.scope(meta);
    List<Link> tags = a.tags().stream().map(this::tagLink).toList();
    scope.put("kicker", tags.isEmpty() ? null : tags.get(0));
    scope.put("title", a.title());
    scope.put("summary", blankToNull(a.summary()));
    scope.put("author", a.author());
    scope.put("dateIso", iso(a.publishedAt()));
    scope.put("dateDisplay", DISPLAY_DATE.format(a.publishedAt()));
    scope.put("hero", Hero.of(a.heroImageUrl(), a.heroImageAlt(), Hero.ARTICLE_SIZES));
    scope.put("bodyHtml", a.bodyHtml());
    scope.put("hasTags", !tags.isEmpty());
    scope.put("tags", tags);
    return render(path, "article", scope);
  }

  /** The home page: the newest articles, and the way into the archive. */
  public SiteFile homePage(List<ArticleSummary> newest) {
    String description = "The latest articles from " + site.name() + ", newest first.";
    return listing(SitePaths.home(), "Latest news", null, description, newest, null,
        newest.isEmpty() ? null : new Link(SitePaths.day(oldestDay(newest)), "Archive"), true);
  }

  /** A tag's first page: its newest articles, and the way into its monthly archive. */
  public SiteFile tagPage(String tag, List<ArticleSummary> newest) {
    String label = SitePaths.label(tag);
    String description = "Articles about " + label + " from " + site.name() + ", newest first.";
    return listing(SitePaths.tag(tag), label,
        "Articles tagged \u201c" + tag + "\u201d, newest first.", description, newest, null,
        newest.isEmpty() ? null
            : new Link(SitePaths.tagMonth(tag, YearMonth.from(oldestDay(newest))), "Archive"), false);
  }

  /**
   * One day of the archive. Its URL and content never change because of articles published
   * on other days; only its links to the nearest earlier and later days with articles do.
   */
  public SiteFile dayPage(LocalDate day, List<ArticleSummary> articles, LocalDate earlier,
      LocalDate later) {
    String when = DAY_DISPLAY.format(day);
    String description = "Articles " + site.name() + " published on " + when + ".";
    return listing(SitePaths.day(day), "Archive: " + when, null, description, articles,
        later == null ? null : new Link(SitePaths.day(later), DAY_DISPLAY.format(later)),
        earlier == null ? null : new Link(SitePaths.day(earlier), DAY_DISPLAY.format(earlier)),
        false);
  }

  /** One month of a tag's archive, with links to its nearest earlier and later months. */
  public SiteFile tagMonthPage(String tag, YearMonth month, List<ArticleSummary> articles,
      YearMonth earlier, YearMonth later) {
    String label = SitePaths.label(tag);
    String when = MONTH_DISPLAY.format(month);
    String description = "Articles about " + label + " from " + site.name() + ", " + when + ".";
    return listing(SitePaths.tagMonth(tag, month), label + ": " + when, null, description,
        articles,
        later == null ? null : new Link(SitePaths.tagMonth(tag, later), MONTH_DISPLAY.format(later)),
        earlier == null ? null
            : new Link(SitePaths.tagMonth(tag, earlier), MONTH_DISPLAY.format(earlier)),
        false);
  }

  private SiteFile listing(String path, String heading, String intro, String description,
      List<ArticleSummary> articles, Link newer, Link older, boolean navHome) {
    PageMeta meta = PageMeta.listing(site, path, heading, heading, description, navHome);
    Map<String, Object> scope = layout.scope(meta);
    scope.put("heading", heading);
    scope.put("intro", intro);
    scope.put("hasItems", !articles.isEmpty());
    scope.put("items", articles.stream().map(this::item).toList());
    scope.put("pager", newer == null && older == null ? null : new Pager(newer, older));
    return render(path, "listing", scope);
  }

  /** The newest entries as an Atom feed with their full content; dated by its newest update. */
  public SiteFile feed(List<Article> newestFirst) {
    List<Article> latest = newestFirst.subList(0, Math.min(FEED_SIZE, newestFirst.size()));
    Instant updated = latest.stream().map(Article::updatedAt).max(Instant::compareTo)
        .orElse(Instant.EPOCH);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Article a : latest) {
      Map<String, Object> entry = new HashMap<>();
      entry.put("title", a.title());
      entry.put("url", absolute(SitePaths.article(a.slug())));
      entry.put("published", iso(a.publishedAt()));
      entry.put("updated", iso(a.updatedAt()));
      entry.put("author", a.author());
      entry.put("tags", a.tags());
      entry.put("summary", blankToNull(a.summary()));
      entry.put("content", FeedBody.of(a.bodyHtml(), site.url()));
      entries.add(entry);
    }
    Map<String, Object> scope = new HashMap<>();
    scope.put("site", site);
    scope.put("updated", iso(updated));
    scope.put("entries", entries);
    return SiteFile.page(SitePaths.FEED_KEY, SiteFile.ATOM, layout.render("feed", scope));
  }

  /**
   * The sitemap index: one file for the site's own pages and one per day with articles, so a
   * publish rewrites one day's file, and this index only when a day gains its first article or
   * loses its last.
   */
  public SiteFile sitemapIndex(Collection<String> sitemapKeys) {
    List<String> locations = sitemapKeys.stream().sorted().map(k -> absolute("/" + k)).toList();
    Map<String, Object> scope = new HashMap<>();
    scope.put("sitemaps", locations);
    return SiteFile.page(SitePaths.SITEMAP_INDEX_KEY, SiteFile.XML,
        layout.render("sitemap-index", scope));
  }

  /** The articles of one day (a news site publishes far fewer than 50,000 a day). */
  public SiteFile sitemapDay(LocalDate day, List<ArticleSummary> articles) {
    if (articles.size() > SITEMAP_MAX_URLS) {
      throw new IllegalStateException("more than 50,000 articles on " + day);
    }
    List<Map<String, String>> urls = new ArrayList<>();
    articles.stream().sorted(Comparator.comparing(ArticleSummary::slug)).forEach(a ->
        urls.add(Map.of("loc", absolute(SitePaths.article(a.slug())),
            "lastmod", iso(a.updatedAt()))));
    return urlset(SitePaths.sitemapDayKey(day), urls);
  }

  /** Home, contact, about, privacy and the first page of every tag. */
  public SiteFile sitemapPages(Collection<String> tags) {
    List<Map<String, String>> urls = new ArrayList<>();
    for (String path : List.of(SitePaths.home(), SitePaths.CONTACT, SitePaths.ABOUT,
        SitePaths.PRIVACY)) {
      urls.add(Map.of("loc", absolute(path)));
    }
    tags.stream().sorted().forEach(t -> urls.add(Map.of("loc", absolute(SitePaths.tag(t)))));
    return urlset(SitePaths.SITEMAP_PAGES_KEY, urls);
  }

  private SiteFile urlset(String key, List<Map<String, String>> urls) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("urls", urls);
    return SiteFile.page(key, SiteFile.XML, layout.render("sitemap", scope));
  }

  /** Pages that do not depend on articles: contact, thank-you and result pages, 404, robots. */
  public List<SiteFile> fixedPages() {
    List<SiteFile> files = new ArrayList<>();
    PageMeta contact = PageMeta.contact(site, SitePaths.CONTACT, "Contact us",
        "Send a tip, a correction or a question to the " + site.name() + " editors.");
    files.add(render(SitePaths.CONTACT, "contact", layout.scope(contact)));
    files.add(aboutPage());
    files.add(privacyPage());
    files.add(message(MessagePages.subscribeThanks()));
    files.add(message(MessagePages.contactThanks()));
    files.add(message(MessagePages.subscribed()));
    files.add(message(MessagePages.unsubscribed()));
    SiteFile notFound = message(MessagePages.notFound());
    files.add(new SiteFile(SitePaths.NOT_FOUND_KEY, notFound.body(), notFound.contentType(),
        notFound.cacheControl()));
    files.add(SiteFile.page("robots.txt", SiteFile.TEXT, "User-agent: *\nDisallow: /api/\n"
        + "Sitemap: " + absolute("/" + SitePaths.SITEMAP_INDEX_KEY) + "\n"));
    return files;
  }

  private SiteFile aboutPage() {
    Map<String, Object> scope = layout.scope(PageMeta.info(site, SitePaths.ABOUT,
        "About " + site.name(), clip(site.about().replaceAll("\\s+", " "))));
    scope.put("paragraphs", List.of(site.about().split("\\n\\s*\\n")));
    return render(SitePaths.ABOUT, "about", scope);
  }

  /** What the forms store and for how long: the retention is the contact function's own. */
  private SiteFile privacyPage() {
    Map<String, Object> scope = layout.scope(PageMeta.info(site, SitePaths.PRIVACY, "Privacy",
        "What " + site.name() + " keeps when you use its forms, for how long, and how to get "
            + "a copy of it or have it erased."));
    scope.put("contactRetentionDays", site.contactRetentionDays());
    scope.put("privacyContact", site.privacyContact());
    scope.put("dataRequests", SitePaths.SUBSCRIPTION_DATA_REQUESTS);
    return render(SitePaths.PRIVACY, "privacy", scope);
  }

  private SiteFile message(MessagePage page) {
    return SiteFile.page(SitePaths.key(page.path()), SiteFile.HTML, layout.message(page));
  }

  private SiteFile render(String path, String template, Map<String, Object> scope) {
    return SiteFile.page(SitePaths.key(path), SiteFile.HTML, layout.render(template, scope));
  }

  private Item item(ArticleSummary a) {
    return new Item(SitePaths.article(a.slug()), a.title(), blankToNull(a.summary()),
        iso(a.publishedAt()), DISPLAY_DATE.format(a.publishedAt()),
        Hero.of(a.heroImageUrl(), a.heroImageAlt(), Hero.CARD_SIZES),
        a.tags().stream().map(this::tagLink).toList());
  }

  /**
   * A hero image as whole URLs, largest first: every rendition of a Newsroom image (stored as
   * site paths; structured data and link previews need the origin), or the external URL.
   */
  private List<String> images(String url) {
    if (url == null) {
      return List.of();
    }
    return NewsroomImage.parse(url).map(image -> {
      String origin = image.origin().isEmpty() ? site.url() : "";
      List<String> urls = new ArrayList<>();
      image.widths().forEach(w -> urls.add(0, origin + image.url(w)));
      return urls;
    }).orElseGet(() -> List.of(url.startsWith("/") ? site.url() + url : url));
  }

  private Link tagLink(String tag) {
    return new Link(SitePaths.tag(tag), SitePaths.label(tag));
  }

  /** The publication day of the oldest of these. */
  private static LocalDate oldestDay(List<ArticleSummary> newestFirst) {
    return LocalDate.ofInstant(newestFirst.get(newestFirst.size() - 1).publishedAt(),
        ZoneOffset.UTC);
  }

  /**
   * ISO 8601 with at most three fraction digits: HTML's valid date string allows no more, and
   * Instant.toString prints up to nine.
   */
  static String iso(Instant time) {
    return time.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** NewsArticle structured data; '<', '>' and '&' escaped so it cannot close its script tag. */
  private String jsonLd(Article a, String path, List<String> images) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "NewsArticle");
    ld.put("headline", clip(a.title(), HEADLINE_MAX));
    if (a.summary() != null && !a.summary().isBlank()) {
      ld.put("description", a.summary());
    }
    if (!images.isEmpty()) {
      ld.put("image", images);
    }
    ld.put("datePublished", iso(a.publishedAt()));
    ld.put("dateModified", iso(a.updatedAt()));
    ld.put("author", List.of(typed("Person", a.author())));
    Map<String, Object> publisher = typed("Organization", site.name());
    publisher.put("url", absolute(SitePaths.home()));
    Map<String, Object> logo = new LinkedHashMap<>();
    logo.put("@type", "ImageObject");
    logo.put("url", site.logo());
    logo.put("width", SiteConfig.LOGO_SIZE);
    logo.put("height", SiteConfig.LOGO_SIZE);
    publisher.put("logo", logo);
    ld.put("publisher", publisher);
    ld.put("mainEntityOfPage", absolute(path));
    if (!a.tags().isEmpty()) {
      ld.put("keywords", String.join(", ", a.tags()));
    }
    return Json.write(ld).replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("&", "\\u0026");
  }

  /** Ordered maps only: Map.of iterates in a per-JVM random order, and bytes must be stable. */
  private static Map<String, Object> typed(String type, String name) {
    Map<String, Object> thing = new LinkedHashMap<>();
    thing.put("@type", type);
    thing.put("name", name);
    return thing;
  }

  private String absolute(String path) {
    return layout.absolute(path);
  }

  /** Text of sanitised HTML, for descriptions (re-escaped by the template). */
  static String plainText(String html) {
    String text = html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&quot;", "\"");
    text = NUMERIC_ENTITY.matcher(text).replaceAll(
        m -> java.util.regex.Matcher.quoteReplacement(
            Character.toString(Integer.parseInt(m.group(1)))));
    return text.replace("&amp;", "&").replaceAll("\\s+", " ").strip();
  }

  static String clip(String text) {
    return clip(text, DESCRIPTION_MAX);
  }

  /** At most {@code max} characters, cut at a word when one ends past half of it. */
  static String clip(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "\u2026";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}

package dev.newsroom.site;

import dev.newsroom.articles.Article;
import dev.newsroom.articles.ArticleSummary;
import dev.newsroom.shared.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns articles into the site's files. Pure: the same input gives the same bytes, which is what
 * lets the publisher skip unchanged writes and makes replays harmless.
 */
public final class SiteRenderer {

  public static final int PAGE_SIZE = 10;
  static final int FEED_SIZE = 20;
  private static final int DESCRIPTION_MAX = 160;
  private static final java.util.regex.Pattern NUMERIC_ENTITY =
      java.util.regex.Pattern.compile("&#(\\d{1,6});");
  private static final DateTimeFormatter DISPLAY_DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US).withZone(ZoneOffset.UTC);

  /** The layout's view of a page. Null fields are left out of the page. */
  record PageMeta(String title, String heading, String description, String canonical,
      String path, String ogType, String image, String jsonLd, boolean noindex,
      boolean navHome, boolean navContact, boolean newsletter) {}

  record Link(String url, String label) {}

  record Hero(String url, String alt) {}

  record Item(String url, String title, String summary, String dateIso, String dateDisplay,
      Hero hero, List<Link> tags) {}

  record Paging(int number, int count, String newer, String older) {}

  record Field(String name, String value) {}

  record FormView(String action, List<Field> hidden, String button, String emailLabel) {}

  private final SiteConfig site;

  public SiteRenderer(SiteConfig site) {
    this.site = site;
  }

  public SiteFile articlePage(Article a) {
    String path = SitePaths.article(a.slug());
    String description = a.summary() == null || a.summary().isBlank()
        ? clip(plainText(a.bodyHtml())) : clip(a.summary());
    PageMeta meta = new PageMeta(a.title() + " | " + site.name(), a.title(), description,
        absolute(path), path, "article", a.heroImageUrl(), jsonLd(a, path), false, false, false,
        true);
    Map<String, Object> scope = scope(meta);
    List<Link> tags = a.tags().stream().map(this::tagLink).toList();
    scope.put("kicker", tags.isEmpty() ? null : tags.get(0));
    scope.put("title", a.title());
    scope.put("summary", blankToNull(a.summary()));
    scope.put("author", a.author());
    scope.put("dateIso", a.publishedAt().toString());
    scope.put("dateDisplay", DISPLAY_DATE.format(a.publishedAt()));
    scope.put("hero", a.heroImageUrl() == null ? null : new Hero(a.heroImageUrl(),
        a.heroImageAlt()));
    scope.put("bodyHtml", a.bodyHtml());
    scope.put("hasTags", !tags.isEmpty());
    scope.put("tags", tags);
    return SiteFile.page(SitePaths.key(path), SiteFile.HTML, SiteTemplates.render("article", scope));
  }

  /**
   * Every page of one listing, newest first: the home pages when {@code tag} is null, otherwise
   * the tag's pages. An empty listing still has its first page.
   */
  public List<SiteFile> listingPages(String tag, List<ArticleSummary> articles) {
    int count = Math.max(1, (articles.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    List<SiteFile> pages = new ArrayList<>(count);
    for (int number = 1; number <= count; number++) {
      List<ArticleSummary> slice = articles.subList((number - 1) * PAGE_SIZE,
          Math.min(articles.size(), number * PAGE_SIZE));
      pages.add(listingPage(tag, slice, number, count));
    }
    return pages;
  }

  private SiteFile listingPage(String tag, List<ArticleSummary> slice, int number, int count) {
    String path = tag == null ? SitePaths.home(number) : SitePaths.tag(tag, number);
    String heading = tag == null ? "Latest news" : SitePaths.label(tag);
    String suffix = number > 1 ? ", page " + number : "";
    String description = tag == null
        ? "The latest articles from " + site.name() + ", newest first" + suffix + "."
        : "Articles about " + SitePaths.label(tag) + " from " + site.name() + ", newest first"
            + suffix + ".";
    PageMeta meta = new PageMeta(heading + suffix + " | " + site.name(), heading, description,
        absolute(path), path, "website", null, null, false, tag == null && number == 1, false,
        true);
    Map<String, Object> scope = scope(meta);
    scope.put("heading", heading);
    scope.put("intro", tag == null ? null : "Articles tagged \u201c" + tag + "\u201d, newest first.");
    scope.put("hasItems", !slice.isEmpty());
    scope.put("items", slice.stream().map(this::item).toList());
    scope.put("paging", count == 1 ? null : new Paging(number, count,
        number > 1 ? page(tag, number - 1) : null, number < count ? page(tag, number + 1) : null));
    return SiteFile.page(SitePaths.key(path), SiteFile.HTML, SiteTemplates.render("listing", scope));
  }

  /** The latest entries as an Atom feed; its date is the newest entry's, so it is stable. */
  public SiteFile feed(List<ArticleSummary> newestFirst) {
    List<ArticleSummary> latest = newestFirst.subList(0, Math.min(FEED_SIZE, newestFirst.size()));
    Instant updated = latest.stream().map(ArticleSummary::updatedAt).max(Instant::compareTo)
        .orElse(Instant.EPOCH);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (ArticleSummary a : latest) {
      Map<String, Object> entry = new HashMap<>();
      entry.put("title", a.title());
      entry.put("url", absolute(SitePaths.article(a.slug())));
      entry.put("published", a.publishedAt().toString());
      entry.put("updated", a.updatedAt().toString());
      entry.put("author", a.author());
      entry.put("tags", a.tags());
      entry.put("summary", blankToNull(a.summary()));
      entries.add(entry);
    }
    Map<String, Object> scope = new HashMap<>();
    scope.put("site", site);
    scope.put("updated", updated.toString());
    scope.put("entries", entries);
    return SiteFile.page("feed.xml", SiteFile.ATOM, SiteTemplates.render("feed", scope));
  }

  /** Home, contact, every article and the first page of every tag. */
  public SiteFile sitemap(List<ArticleSummary> articles, Collection<String> tags) {
    List<Map<String, String>> urls = new ArrayList<>();
    urls.add(Map.of("loc", absolute(SitePaths.home(1))));
    urls.add(Map.of("loc", absolute(SitePaths.CONTACT)));
    for (ArticleSummary a : articles) {
      urls.add(Map.of("loc", absolute(SitePaths.article(a.slug())),
          "lastmod", a.updatedAt().toString()));
    }
    tags.stream().sorted().forEach(t -> urls.add(Map.of("loc", absolute(SitePaths.tag(t, 1)))));
    Map<String, Object> scope = new HashMap<>();
    scope.put("urls", urls);
    return SiteFile.page("sitemap.xml", SiteFile.XML, SiteTemplates.render("sitemap", scope));
  }

  /** Pages that do not depend on articles: contact, thank-you and result pages, 404, robots. */
  public List<SiteFile> fixedPages() {
    List<SiteFile> files = new ArrayList<>();
    PageMeta contact = new PageMeta("Contact us | " + site.name(), "Contact us",
        "Send a tip, a correction or a question to the " + site.name() + " editors.",
        absolute(SitePaths.CONTACT), SitePaths.CONTACT, "website", null, null, false, false, true,
        false);
    files.add(SiteFile.page(SitePaths.key(SitePaths.CONTACT), SiteFile.HTML,
        SiteTemplates.render("contact", scope(contact))));
    files.add(message(new MessagePage(SitePaths.SUBSCRIBE_THANKS, "Thank you",
        "Your newsletter subscription was received.",
        "Thank you! Your submission has been received!",
        List.of("Please check your inbox: we sent you an email with a link to confirm your "
            + "subscription. The link is valid for 48 hours."), null), true));
    files.add(message(new MessagePage(SitePaths.CONTACT_THANKS, "Thank you",
        "Your message was sent to the editors.", "Thank you! Your submission has been received!",
        List.of("Your message is with our editors. If it needs an answer, we will reply to the "
            + "email address you gave."), null), true));
    files.add(message(new MessagePage(SitePaths.SUBSCRIBE_CONFIRMED, "Subscription confirmed",
        "Your newsletter subscription is confirmed.", "You are subscribed",
        List.of("Thank you for confirming. You will be the first to know about our new videos "
            + "and updates."), null), true));
    files.add(message(new MessagePage(SitePaths.SUBSCRIBE_UNSUBSCRIBED, "Unsubscribed",
        "You will receive no more newsletters.", "You are unsubscribed",
        List.of("You will receive no more newsletters from us. You can subscribe again at any "
            + "time."), null), true));
    SiteFile notFound = message(new MessagePage("/404.html", "Page not found",
        "This page does not exist.", "Page not found",
        List.of("The page you asked for does not exist, or it was taken down."), null), true);
    files.add(new SiteFile(SitePaths.NOT_FOUND_KEY, notFound.body(), notFound.contentType(),
        notFound.cacheControl()));
    files.add(SiteFile.page("robots.txt", SiteFile.TEXT, "User-agent: *\nDisallow: /api/\n"
        + "Sitemap: " + absolute("/sitemap.xml") + "\n"));
    return files;
  }

  /**
   * A message page as HTML, for handlers that answer with a page in the site's look. Such pages
   * answer a link or a form (often with a token in the URL), so they are never indexed.
   */
  public String messagePage(MessagePage page) {
    return message(page, true).text();
  }

  private SiteFile message(MessagePage page, boolean noindex) {
    PageMeta meta = new PageMeta(page.title() + " | " + site.name(), page.heading(),
        page.description(), absolute(page.path()), page.path(), "website", null, null, noindex,
        false, false, false);
    Map<String, Object> scope = scope(meta);
    scope.put("heading", page.heading());
    scope.put("paragraphs", page.paragraphs());
    if (page.form() != null) {
      List<Field> hidden = new TreeMap<>(page.form().hidden()).entrySet().stream()
          .map(e -> new Field(e.getKey(), e.getValue())).toList();
      scope.put("form", new FormView(page.form().action(), hidden, page.form().button(),
          page.form().emailLabel()));
    }
    return SiteFile.page(SitePaths.key(page.path()), SiteFile.HTML,
        SiteTemplates.render("message", scope));
  }

  record TagChoice(String tag, String label) {}

  /** A subscriber's preferences page (newsletter topics); private to its link, never indexed. */
  public String preferencesPage(PreferencesPage page) {
    PageMeta meta = new PageMeta("Newsletter topics | " + site.name(), "Your newsletter topics",
        "Choose what the newsletter brings you.", absolute(page.path()), page.path(), "website",
        null, null, true, false, false, false);
    Map<String, Object> scope = scope(meta);
    scope.put("action", page.path());
    scope.put("token", page.token());
    scope.put("all", page.all());
    scope.put("followed", page.followed().stream()
        .map(tag -> new TagChoice(tag, SitePaths.label(tag))).toList());
    scope.put("hasFollowed", !page.followed().isEmpty());
    scope.put("notice", page.notice());
    scope.put("unsubscribeAction", page.unsubscribePath());
    scope.put("unsubscribeToken", page.unsubscribeToken());
    return SiteTemplates.render("preferences", scope);
  }

  private Map<String, Object> scope(PageMeta meta) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("site", site);
    scope.put("page", meta);
    return scope;
  }

  private Item item(ArticleSummary a) {
    return new Item(SitePaths.article(a.slug()), a.title(), blankToNull(a.summary()),
        a.publishedAt().toString(), DISPLAY_DATE.format(a.publishedAt()),
        a.heroImageUrl() == null ? null : new Hero(a.heroImageUrl(), a.heroImageAlt()),
        a.tags().stream().map(this::tagLink).toList());
  }

  private Link tagLink(String tag) {
    return new Link(SitePaths.tag(tag, 1), SitePaths.label(tag));
  }

  private static String page(String tag, int number) {
    return tag == null ? SitePaths.home(number) : SitePaths.tag(tag, number);
  }

  /** NewsArticle structured data; '<', '>' and '&' escaped so it cannot close its script tag. */
  private String jsonLd(Article a, String path) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "NewsArticle");
    ld.put("headline", a.title());
    if (a.summary() != null && !a.summary().isBlank()) {
      ld.put("description", a.summary());
    }
    if (a.heroImageUrl() != null) {
      ld.put("image", List.of(a.heroImageUrl()));
    }
    ld.put("datePublished", a.publishedAt().toString());
    ld.put("dateModified", a.updatedAt().toString());
    ld.put("author", List.of(typed("Person", a.author())));
    ld.put("publisher", typed("Organization", site.name()));
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
    return site.url() + path;
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
    if (text.length() <= DESCRIPTION_MAX) {
      return text;
    }
    int cut = text.lastIndexOf(' ', DESCRIPTION_MAX - 1);
    return text.substring(0, cut > 80 ? cut : DESCRIPTION_MAX - 1).strip() + "\u2026";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}

package dev.newsroom.pages;

/**
 * The layout's view of a page: its head (title, description, canonical URL, Open Graph,
 * robots) and which navigation entry it is. One factory per kind of page, so a caller names
 * the kind instead of passing a row of flags. Null fields are left out of the page.
 */
public final class PageMeta {

  private final String title;
  private final String heading;
  private final String description;
  private final String canonical;
  private final String path;
  private final String ogType;
  private final String image;
  private final String jsonLd;
  private final boolean noindex;
  private final boolean navHome;
  private final boolean navContact;
  private final boolean newsletter;

  private PageMeta(SiteConfig site, String path, String title, String heading,
      String description, String ogType, String image, String jsonLd, Kind kind) {
    this.title = title + " | " + site.name();
    this.heading = heading;
    this.description = description;
    this.canonical = site.url() + path;
    this.path = path;
    this.ogType = ogType;
    this.image = image;
    this.jsonLd = jsonLd;
    this.noindex = kind == Kind.MESSAGE;
    this.navHome = kind == Kind.HOME;
    this.navContact = kind == Kind.CONTACT;
    this.newsletter = kind == Kind.HOME || kind == Kind.CONTENT;
  }

  /** What a page is decides the current navigation entry, indexing and the signup box. */
  private enum Kind { HOME, CONTENT, CONTACT, MESSAGE, INFO }

  /** An article: Open Graph type article, an optional hero image and JSON-LD. */
  public static PageMeta article(SiteConfig site, String path, String title, String description,
      String image, String jsonLd) {
    return new PageMeta(site, path, title, title, description, "article", image, jsonLd,
        Kind.CONTENT);
  }

  /**
   * A page of a listing; the first home page is the "Latest" entry of the navigation.
   *
   * @param title the heading plus, past the first page, its number
   */
  public static PageMeta listing(SiteConfig site, String path, String title, String heading,
      String description, boolean firstHomePage) {
    return new PageMeta(site, path, title, heading, description, "website", null, null,
        firstHomePage ? Kind.HOME : Kind.CONTENT);
  }

  /** The contact page: it has its own form, so no newsletter box. */
  public static PageMeta contact(SiteConfig site, String path, String heading,
      String description) {
    return new PageMeta(site, path, heading, heading, description, "website", null, null,
        Kind.CONTACT);
  }

  /** A page about the site itself (about, privacy): indexed, with no form of its own. */
  public static PageMeta info(SiteConfig site, String path, String heading, String description) {
    return new PageMeta(site, path, heading, heading, description, "website", null, null,
        Kind.INFO);
  }

  /** A message page: it answers a link or a form (often with a token), so it is never indexed. */
  public static PageMeta message(SiteConfig site, MessagePage page) {
    return new PageMeta(site, page.path(), page.title(), page.heading(), page.description(),
        "website", null, null, Kind.MESSAGE);
  }

  /** A page private to the link that opened it (a subscriber's preferences): never indexed. */
  public static PageMeta personal(SiteConfig site, String path, String title, String heading,
      String description) {
    return new PageMeta(site, path, title, heading, description, "website", null, null,
        Kind.MESSAGE);
  }

  public String title() {
    return title;
  }

  public String heading() {
    return heading;
  }

  public String description() {
    return description;
  }

  public String canonical() {
    return canonical;
  }

  public String path() {
    return path;
  }

  public String ogType() {
    return ogType;
  }

  public String image() {
    return image;
  }

  public String jsonLd() {
    return jsonLd;
  }

  public boolean noindex() {
    return noindex;
  }

  public boolean navHome() {
    return navHome;
  }

  public boolean navContact() {
    return navContact;
  }

  public boolean newsletter() {
    return newsletter;
  }
}

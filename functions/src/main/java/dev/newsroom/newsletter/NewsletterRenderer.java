package dev.newsroom.newsletter;

import dev.newsroom.mail.EmailMessage;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.ValidationException;
import dev.newsroom.pages.SitePaths;
import dev.newsroom.subscriptions.LinkSigner;
import dev.newsroom.subscriptions.SubscriptionLinks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a newsletter: the part every recipient shares once per content, then, per recipient,
 * their own signed links (RFC 8058 one-click unsubscribe in the headers and the footer, and the
 * preferences page).
 *
 * <p>Wiring: {@code new NewsletterRenderer(siteUrl, siteName, signer, clock)}, or
 * {@link NewslettersWiring#renderer()} in a Lambda, which reads {@code SITE_URL} (required: a sender
 * has no request to take an origin from), {@code SITE_NAME} and the link key named by
 * {@code SUBSCRIPTION_LINK_SECRET} (the function needs {@code secretsmanager:GetSecretValue} on
 * it, as the subscription functions have). {@link #preview} signs nothing and needs no key.
 *
 * <p>Size: the HTML of every email stays within {@link #MAX_HTML_BYTES}, below the 102 KB at
 * which Gmail clips a message (hiding the rest, the unsubscribe footer included). When an
 * article's body would not fit, it is cut between two top-level blocks and ends with "Continue
 * reading on the site"; articles of a digest that do not fit are counted in a link to the site.
 * The cut is decided once per content, with room for the longest possible personal links, so the
 * preview and every recipient's email show the same text.
 */
public final class NewsletterRenderer {

  /** Gmail clips at 102 KB (102 x 1024 bytes); this keeps a margin below 102,000 too. */
  public static final int MAX_HTML_BYTES = 100_000;
  public static final int MAX_SUBJECT = 200;
  public static final String KIND = "newsletter";
  public static final String TEST_KIND = "newsletter-test";
  static final String TEST_PREFIX = "[Test] ";

  /** As long as a signed link's token can be: id (43), expiry (12 digits), MAC (22). */
  private static final String LONGEST_TOKEN = "x".repeat(43) + "." + "9".repeat(12) + "."
      + "x".repeat(22);
  private static final NewsletterLayout.Links PREVIEW_LINKS =
      new NewsletterLayout.Links("#preferences", "#unsubscribe");
  private static final NewsletterLayout.Links PLACEHOLDER_LINKS = new NewsletterLayout.Links(
      "(your own link in each email)", "(your own link in each email)");

  private final String siteUrl;
  private final EmailImages images;
  private final SubscriptionLinks links;
  private final Clock clock;
  private final NewsletterLayout layout;
  private final int frameBytes;
  /** The last content prepared: a campaign renders the same content for every recipient. */
  private volatile Prepared last;

  /**
   * @param siteUrl the public origin, https (or http on localhost for the dev server)
   * @param siteName the site's name, shown in the masthead and footer
   * @param signer signs the personal links; used per recipient, never by {@link #preview}
   */
  public NewsletterRenderer(String siteUrl, String siteName, LinkSigner signer, Clock clock) {
    String origin = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    if (!EmailUrls.isSiteUrl(origin)) {
      throw new IllegalArgumentException("the site URL must be an absolute https URL");
    }
    this.siteUrl = origin;
    this.images = new EmailImages(origin);
    this.links = new SubscriptionLinks(origin, signer);
    this.clock = clock;
    this.layout = new NewsletterLayout(siteName, links.home());
    NewsletterLayout.Links longest = new NewsletterLayout.Links(
        origin + SubscriptionLinks.PREFERENCES_PATH + "?token=" + LONGEST_TOKEN,
        origin + SubscriptionLinks.UNSUBSCRIBE_PATH + "?token=" + LONGEST_TOKEN);
    this.frameBytes = bytes(NewsletterLayout.testBanner()) + bytes(layout.open())
        + bytes(layout.footer(longest)) + bytes(NewsletterLayout.close());
  }

  /**
   * A subject line that every mail client shows as one line: not blank, at most
   * {@link #MAX_SUBJECT} characters, and without CR, LF, U+2028, U+2029 or other control
   * characters (a line break in a header is a header injection, and U+2028/2029 break it in
   * clients that honour them).
   *
   * @return the subject, trimmed
   * @throws ValidationException on the field {@code subject}
   */
  public static String requireSubject(String subject) {
    String text = subject == null ? "" : subject.strip();
    if (text.isEmpty()) {
      throw new ValidationException("subject", "The subject must not be empty.");
    }
    boolean oneLine = text.codePoints().noneMatch(c -> Character.isISOControl(c)
        || c == '\u2028' || c == '\u2029' || c == '\u0085');
    if (!oneLine) {
      throw new ValidationException("subject",
          "The subject must be one line, without control characters.");
    }
    if (text.codePointCount(0, text.length()) > MAX_SUBJECT) {
      throw new ValidationException("subject",
          "The subject must be at most " + MAX_SUBJECT + " characters.");
    }
    return text;
  }

  /** The email as every recipient will read it, with placeholders for the personal links. */
  public RenderedNewsletter preview(NewsletterContent content) {
    Prepared p = prepared(content);
    return new RenderedNewsletter(p.subject(), p.html(false, layout.footer(PREVIEW_LINKS)),
        p.text(false, layout.footerText(PLACEHOLDER_LINKS)));
  }

  /** One subscriber's email, with their own preferences and one-click unsubscribe links. */
  public EmailMessage render(NewsletterContent content, String subscriberId, String email) {
    Prepared p = prepared(content);
    String unsubscribe = links.unsubscribe(subscriberId);
    NewsletterLayout.Links personal = new NewsletterLayout.Links(
        links.preferences(subscriberId, clock.now()), unsubscribe);
    return new EmailMessage(KIND, email, null, p.subject(),
        p.text(false, layout.footerText(personal)), p.html(false, layout.footer(personal)),
        Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
  }

  /**
   * An editor's test send: marked as a test in the subject and the body, and of kind
   * {@link #TEST_KIND} so that it is never counted with the campaign's sends. The editor is not
   * a subscriber, so the footer shows the preview's placeholders and there is no
   * List-Unsubscribe header: a signed link would name no one.
   */
  public EmailMessage renderTest(NewsletterContent content, String email) {
    Prepared p = prepared(content);
    return new EmailMessage(TEST_KIND, email, null, TEST_PREFIX + p.subject(),
        p.text(true, layout.footerText(PLACEHOLDER_LINKS)),
        p.html(true, layout.footer(PREVIEW_LINKS)), Map.of());
  }

  private Prepared prepared(NewsletterContent content) {
    Prepared p = last;
    if (p == null || (p.content() != content && !p.content().equals(content))) {
      p = prepare(content);
      last = p;
    }
    return p;
  }

  /** Everything but the personal parts, cut to fit. */
  private Prepared prepare(NewsletterContent content) {
    String subject = requireSubject(content.subject());
    List<NewsletterArticle> articles = content.articles();
    String head = layout.head(subject, preheader(content));
    boolean single = articles.size() == 1;
    int remaining = MAX_HTML_BYTES - frameBytes - bytes(head)
        - bytes(layout.more(articles.size()));
    StringBuilder html = new StringBuilder(32_768);
    StringBuilder text = new StringBuilder(8_192).append(layout.openText());
    int shown = 0;
    for (NewsletterArticle article : articles) {
      String url = articleUrl(article);
      String hero = images.resolve(article.heroImageUrl());
      String top = layout.articleHead(article, images.allowed(hero) ? hero : null, url, single);
      List<EmailBody.Block> body = article.bodyHtml() == null ? List.of()
          : EmailBody.blocks(article.bodyHtml(), images);
      String end = layout.articleEnd(url, false);
      int whole = bytes(top) + body.stream().mapToInt(EmailBody.Block::bytes).sum() + bytes(end);
      List<EmailBody.Block> kept = body;
      boolean cut = whole > remaining;
      if (cut) {
        end = layout.articleEnd(url, true);
        int room = remaining - bytes(top) - bytes(end);
        if (body.isEmpty() || room < 0) {
          break;
        }
        kept = fitting(body, room);
      }
      html.append(top);
      text.append(NewsletterLayout.articleHeadText(article, url));
      for (EmailBody.Block block : kept) {
        html.append(block.html());
        text.append(block.text()).append("\n\n");
        remaining -= block.bytes();
      }
      html.append(end);
      text.append(NewsletterLayout.articleEndText(url, cut));
      remaining -= bytes(top) + bytes(end);
      shown++;
      if (cut) {
        break;
      }
    }
    if (shown < articles.size()) {
      html.append(layout.more(articles.size() - shown));
      text.append(layout.moreText(articles.size() - shown));
    }
    return new Prepared(content, subject, head, layout.open() + html, text.toString());
  }

  private static List<EmailBody.Block> fitting(List<EmailBody.Block> blocks, int room) {
    List<EmailBody.Block> kept = new ArrayList<>();
    int used = 0;
    for (EmailBody.Block block : blocks) {
      if (used + block.bytes() > room) {
        break;
      }
      kept.add(block);
      used += block.bytes();
    }
    return kept;
  }

  /** The preheader given, else the first article's summary, else its title: never the body. */
  private static String preheader(NewsletterContent content) {
    NewsletterArticle first = content.articles().get(0);
    for (String candidate : new String[] {content.preheader(), first.summary(), first.title()}) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip().replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
      }
    }
    return "";
  }

  private String articleUrl(NewsletterArticle article) {
    if (article.url() == null) {
      return siteUrl + SitePaths.article(article.slug());
    }
    if (!EmailUrls.isSiteUrl(article.url())) {
      throw new IllegalArgumentException("an article's URL must be absolute https");
    }
    return article.url();
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The shared part of one content; the banner and the footer are added per email. */
  private record Prepared(NewsletterContent content, String subject, String head, String main,
      String text) {

    String html(boolean test, String footer) {
      return head + (test ? NewsletterLayout.testBanner() : "") + main + footer
          + NewsletterLayout.close();
    }

    String text(boolean test, String footer) {
      return (test ? NewsletterLayout.testBannerText() : "") + text + footer;
    }
  }
}

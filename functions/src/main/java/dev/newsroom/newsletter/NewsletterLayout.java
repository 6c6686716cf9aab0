package dev.newsroom.newsletter;

import static dev.newsroom.shared.Html.escape;

/**
 * The newsletter's frame, in both parts. The HTML is what common clients render alike: a
 * 600-pixel table column (Outlook lays out tables, not CSS boxes), every style inline (Gmail and
 * others drop or rewrite {@code <style>}), system fonts, and nothing that needs a script or an
 * external stylesheet. Every value from outside is escaped here.
 */
final class NewsletterLayout {

  /** The personal links of one recipient, or placeholders in a preview. */
  record Links(String preferences, String unsubscribe) {}

  static final String READ_ON = "Read on the site";
  static final String CONTINUE = "Continue reading on the site";

  private static final String SANS = "font-family:Arial,Helvetica,sans-serif;";
  private static final String SERIF = "font-family:Georgia,'Times New Roman',serif;";
  private static final String BUTTON = SANS + "display:inline-block;font-size:16px;"
      + "font-weight:bold;color:#ffffff;background-color:#9b1c1c;padding:12px 20px;"
      + "border-radius:4px;text-decoration:none";
  /**
   * After the preheader: zero-width non-joiners and non-breaking spaces, so that clients fill
   * the rest of the preview line with nothing rather than with the email's first words.
   */
  private static final String PREHEADER_FILL = "&zwnj;&nbsp;".repeat(90);

  private final String siteName;
  private final String home;

  NewsletterLayout(String siteName, String home) {
    this.siteName = siteName;
    this.home = home;
  }

  /** From the doctype to the hidden preheader, which must be the body's first text. */
  String head(String subject, String preheader) {
    return "<!doctype html><html lang=\"en\"><head>"
        + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"x-apple-disable-message-reformatting\">"
        + "<title>" + escape(subject) + "</title></head>"
        + "<body style=\"margin:0;padding:0;width:100%;background-color:#f4f4f1\">"
        + "<div class=\"preheader\" style=\"display:none;font-size:1px;line-height:1px;"
        + "max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:#f4f4f1\">"
        + escape(preheader) + PREHEADER_FILL + "</div>";
  }

  static String testBanner() {
    return "<div style=\"" + SANS + "font-size:14px;background-color:#fff3c4;color:#5c4400;"
        + "padding:10px 16px;text-align:center\">Test send: subscribers did not get this email,"
        + " and it is not counted.</div>";
  }

  static String testBannerText() {
    return "[TEST SEND: subscribers did not get this email, and it is not counted.]\n\n";
  }

  /** The column and the masthead. */
  String open() {
    return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\""
        + " border=\"0\" style=\"background-color:#f4f4f1\"><tr><td align=\"center\""
        + " style=\"padding:24px 12px\"><table role=\"presentation\" width=\"600\""
        + " cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:100%;"
        + "max-width:600px;background-color:#ffffff;border-collapse:collapse\">"
        + "<tr><td style=\"padding:20px 28px;border-bottom:3px solid #9b1c1c\">"
        + "<a href=\"" + escape(home) + "\" style=\"" + SERIF + "font-size:22px;"
        + "font-weight:bold;color:#111111;text-decoration:none\">" + escape(siteName)
        + "</a></td></tr>";
  }

  String openText() {
    return siteName + "\n" + "=".repeat(Math.min(60, Math.max(3, siteName.length()))) + "\n\n";
  }

  /**
   * An article's row up to its body: hero image, title linking to the article, summary.
   *
   * @param heroSrc the hero image an email may load ({@link EmailImages}), or null for none
   * @param lead true for a single-article email (a larger title)
   */
  String articleHead(NewsletterArticle article, String heroSrc, String url, boolean lead) {
    StringBuilder html = new StringBuilder(1024).append("<tr><td style=\"padding:24px 28px\">");
    if (heroSrc != null) {
      html.append("<a href=\"").append(escape(url))
          .append("\" style=\"text-decoration:none\"><img src=\"")
          .append(escape(heroSrc)).append("\" width=\"").append(EmailBody.COLUMN)
          .append("\" alt=\"").append(escape(nonNull(article.heroImageAlt())))
          .append("\" style=\"display:block;width:100%;max-width:").append(EmailBody.COLUMN)
          .append("px;height:auto;border:0;outline:none;margin:0 0 16px\"></a>");
    }
    html.append(lead ? "<h1 style=\"" + SERIF + "font-size:28px;" : "<h2 style=\"" + SERIF
        + "font-size:23px;").append("line-height:1.25;color:#111111;margin:0 0 12px\">")
        .append("<a href=\"").append(escape(url))
        .append("\" style=\"color:#111111;text-decoration:none\">")
        .append(escape(nonNull(article.title()))).append("</a>").append(lead ? "</h1>" : "</h2>");
    if (!isBlank(article.summary())) {
      html.append("<p style=\"" + SERIF + "font-size:18px;line-height:1.5;color:#444444;"
          + "margin:0 0 16px\">").append(escape(article.summary())).append("</p>");
    }
    return html.toString();
  }

  static String articleHeadText(NewsletterArticle article, String url) {
    StringBuilder text = new StringBuilder(nonNull(article.title())).append('\n')
        .append(url).append("\n\n");
    if (!isBlank(article.summary())) {
      text.append(article.summary().strip()).append("\n\n");
    }
    return text.toString();
  }

  /** Closes an article's row with a button to the article; {@code cut} says the body is partial. */
  String articleEnd(String url, boolean cut) {
    return (cut ? "<p style=\"" + SERIF + "font-size:17px;line-height:1.6;color:#444444;"
        + "font-style:italic;margin:0 0 16px\">This email shows the beginning of the article."
        + "</p>" : "")
        + "<p style=\"margin:8px 0 0\"><a href=\"" + escape(url) + "\" style=\"" + BUTTON + "\">"
        + (cut ? CONTINUE : READ_ON) + " &rarr;</a></p></td></tr>";
  }

  static String articleEndText(String url, boolean cut) {
    return (cut ? "This email shows the beginning of the article.\n" + CONTINUE : READ_ON)
        + ": " + url + "\n\n";
  }

  /** Articles that did not fit, by number, with a link to the site. */
  String more(int count) {
    return "<tr><td style=\"padding:8px 28px 24px;" + SANS + "font-size:16px;color:#222222\">"
        + "<a href=\"" + escape(home) + "\" style=\"color:#9b1c1c\">" + escape(moreWords(count))
        + "</a></td></tr>";
  }

  String moreText(int count) {
    return moreWords(count) + ": " + home + "\n\n";
  }

  private String moreWords(int count) {
    return count + (count == 1 ? " more article" : " more articles") + " on " + siteName;
  }

  String footer(Links links) {
    String link = "color:#555555;text-decoration:underline";
    return "<tr><td style=\"padding:20px 28px;border-top:1px solid #dddddd;" + SANS
        + "font-size:13px;line-height:1.5;color:#555555\">You receive this email because you"
        + " subscribed to the " + escape(siteName) + " newsletter.<br>"
        + "<a href=\"" + escape(links.preferences()) + "\" style=\"" + link + "\">Choose your"
        + " topics</a> &middot; <a href=\"" + escape(links.unsubscribe()) + "\" style=\""
        + link + "\">Unsubscribe</a></td></tr>";
  }

  String footerText(Links links) {
    return "-- \nYou receive this email because you subscribed to the " + siteName
        + " newsletter.\nChoose your topics: " + links.preferences() + "\nUnsubscribe: "
        + links.unsubscribe() + "\n";
  }

  static String close() {
    return "</table></td></tr></table></body></html>";
  }

  private static String nonNull(String text) {
    return text == null ? "" : text.strip();
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}

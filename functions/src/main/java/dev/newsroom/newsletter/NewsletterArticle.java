package dev.newsroom.newsletter;

/**
 * One article as a newsletter shows it. Text fields are plain text (escaped when rendered);
 * {@code bodyHtml} is the article's stored, sanitised HTML.
 *
 * @param url the article's page, absolute; null for the site's own article path of {@code slug}
 * @param heroImageUrl an absolute https image URL or a Newsroom image's site path, or null; any
 *     other URL is left out
 * @param heroImageAlt the image's text alternative, or null
 * @param bodyHtml the whole article for a single-article email; null in digests, which show the
 *     title, image and summary of each article with a link to read it on the site
 */
public record NewsletterArticle(String slug, String title, String summary, String url,
    String heroImageUrl, String heroImageAlt, String bodyHtml) {}

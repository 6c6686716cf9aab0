package dev.newsroom.newsletter;

import java.util.List;

/**
 * What one campaign sends, the same for every recipient.
 *
 * @param subject the subject line, checked by {@link NewsletterRenderer#requireSubject}
 * @param preheader the preview text mail clients show after the subject (plain text, hidden in
 *     the email itself); null or blank for none
 * @param articles at least one, in the order shown
 */
public record NewsletterContent(String subject, String preheader,
    List<NewsletterArticle> articles) {

  public NewsletterContent {
    articles = List.copyOf(articles);
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("a newsletter shows at least one article");
    }
  }
}

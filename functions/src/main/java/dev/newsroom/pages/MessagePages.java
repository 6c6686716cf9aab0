package dev.newsroom.pages;

import java.util.List;

/**
 * The message pages more than one feature shows: the publisher writes them to the bucket (where
 * a plain form post is redirected), and handlers answer with the same page when they render one
 * themselves. One copy of the text, so the two cannot drift.
 */
public final class MessagePages {

  private MessagePages() {}

  public static MessagePage subscribeThanks() {
    return new MessagePage(SitePaths.SUBSCRIBE_THANKS, "Thank you",
        "Your newsletter subscription was received.",
        "Thank you! Your submission has been received!",
        List.of("Please check your inbox: we sent you an email with a link to confirm your "
            + "subscription. The link is valid for 48 hours."), null);
  }

  public static MessagePage contactThanks() {
    return new MessagePage(SitePaths.CONTACT_THANKS, "Thank you",
        "Your message was sent to the editors.", "Thank you! Your submission has been received!",
        List.of("Your message is with our editors. If it needs an answer, we will reply to the "
            + "email address you gave."), null);
  }

  public static MessagePage subscribed() {
    return new MessagePage(SitePaths.SUBSCRIBE_CONFIRMED, "Subscription confirmed",
        "Your newsletter subscription is confirmed.", "You are subscribed",
        List.of("Thank you for confirming. You will be the first to know about our new videos "
            + "and updates."), null);
  }

  public static MessagePage unsubscribed() {
    return new MessagePage(SitePaths.SUBSCRIBE_UNSUBSCRIBED, "Unsubscribed",
        "You will receive no more newsletters.", "You are unsubscribed",
        List.of("You will receive no more newsletters from us. You can subscribe again at any "
            + "time.", "To get a copy of the data we hold about you, or to erase it, visit "
            + SitePaths.SUBSCRIPTION_DATA_REQUESTS + "."), null);
  }

  public static MessagePage notFound() {
    return new MessagePage("/404.html", "Page not found", "This page does not exist.",
        "Page not found", List.of("The page you asked for does not exist, or it was taken down."),
        null);
  }

  /** @param explanation why such a link stops working, and how to get a new one */
  public static MessagePage linkNotValid(String explanation) {
    return new MessagePage("/404.html", "Link not valid", "This link does not work (any more).",
        "This link does not work", List.of(explanation), null);
  }
}

package dev.newsroom.subscriptions;

import dev.newsroom.pages.Layout;
import dev.newsroom.pages.MessagePage;
import dev.newsroom.pages.MessagePages;
import dev.newsroom.pages.PreferencesPage;
import dev.newsroom.web.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The pages the subscription links open, in the site's look. A GET only shows one (mail scanners
 * follow links); its button POSTs, and only the POST acts. Each page is private to its link:
 * never cached, never indexed, and the token never leaks through a Referer.
 */
final class SubscriptionPages {

  /** The headers of a page private to its link. */
  private static final Map<String, String> PRIVATE = Map.of(
      "Content-Type", "text/html; charset=utf-8",
      "Cache-Control", "no-store",
      "Referrer-Policy", "no-referrer",
      "X-Robots-Tag", "noindex");

  private final Layout layout;

  SubscriptionPages(Layout layout) {
    this.layout = layout;
  }

  HttpResponse confirm(LinkState state, String token) {
    return switch (state) {
      case ACTIONABLE -> page(200, new MessagePage(SubscriptionLinks.CONFIRM_PATH,
          "Confirm your subscription", "Confirm your newsletter subscription.",
          "Confirm your subscription",
          List.of("One more step: confirm that you want our newsletter at this address."),
          form(SubscriptionLinks.CONFIRM_PATH, token, "Confirm my subscription")));
      case DONE -> page(200, MessagePages.subscribed());
      case INVALID -> invalid("Confirmation links work once, for 48 hours, and only for the"
          + " latest signup. Subscribe again from any article to get a new one.");
    };
  }

  HttpResponse unsubscribe(LinkState state, String token) {
    return switch (state) {
      case ACTIONABLE -> page(200, new MessagePage(SubscriptionLinks.UNSUBSCRIBE_PATH,
          "Unsubscribe", "Unsubscribe from the newsletter.", "Unsubscribe from the newsletter?",
          List.of("You will receive no more newsletters from us."),
          form(SubscriptionLinks.UNSUBSCRIBE_PATH, token, "Unsubscribe")));
      case DONE -> unsubscribed();
      case INVALID -> invalid("This unsubscribe link is not complete. Copy the whole link from"
          + " the email, or use the unsubscribe button of your mail program.");
    };
  }

  HttpResponse unsubscribed() {
    return page(200, MessagePages.unsubscribed());
  }

  HttpResponse dataRequest(boolean sent) {
    if (sent) {
      return page(200, new MessagePage(SubscriptionLinks.DATA_REQUESTS_PATH, "Check your inbox",
          "Links to your data are on their way.", "Check your inbox",
          List.of("If we hold data about this address, an email with a link to download it and"
              + " a link to erase it is on its way. The links work for 24 hours."), null));
    }
    return page(200, new MessagePage(SubscriptionLinks.DATA_REQUESTS_PATH, "Your data",
        "Get a copy of your newsletter data, or erase it.", "Your newsletter data",
        List.of("Give the address you subscribed with. We will email it a link to download"
            + " everything we hold about your subscription, and a link to erase it."),
        new MessagePage.Form(SubscriptionLinks.DATA_REQUESTS_PATH, Map.of(), "Email me the links",
            "Email address")));
  }

  HttpResponse export(LinkState state, String token) {
    if (state != LinkState.ACTIONABLE) {
      return expired();
    }
    return page(200, new MessagePage(SubscriptionLinks.EXPORT_PATH, "Download your data",
        "Download your newsletter data.", "Download your data",
        List.of("A JSON file with your subscription and its consent log: every signup,"
            + " confirmation and unsubscribe, with time, IP address and browser."),
        form(SubscriptionLinks.EXPORT_PATH, token, "Download my data")));
  }

  HttpResponse erase(LinkState state, String token) {
    return switch (state) {
      case ACTIONABLE -> page(200, new MessagePage(SubscriptionLinks.ERASE_PATH,
          "Erase your data", "Erase your newsletter data.", "Erase your data?",
          List.of("This unsubscribes you and deletes your address, your name and the consent"
              + " log for good. It cannot be undone.", "We keep only a one-way hash of the"
              + " address, and only to remember never to mail it if it bounced or you reported"
              + " us as spam."),
          form(SubscriptionLinks.ERASE_PATH, token, "Erase my data")));
      case DONE -> erased();
      case INVALID -> expired();
    };
  }

  HttpResponse erased() {
    return page(200, new MessagePage(SubscriptionLinks.ERASE_PATH, "Data erased",
        "Your newsletter data is erased.", "Your data is erased",
        List.of("Your address, name and consent log are deleted. You will receive nothing more"
            + " from us."), null));
  }

  /**
   * The preferences link's page: the topics form while the subscriber gets mail, "not
   * subscribed" once they do not, and the invalid page for a link that does not work.
   *
   * @param view the page's content, present only for {@link LinkState#ACTIONABLE}
   * @param notice a line confirming a saved change, or null
   */
  HttpResponse preferences(LinkState state, PreferencesService.View view, String token,
      String notice) {
    return switch (state) {
      case ACTIONABLE -> new HttpResponse(200, PRIVATE, layout.preferences(
          new PreferencesPage(SubscriptionLinks.PREFERENCES_PATH, token, view.topics().all(),
              List.copyOf(view.topics().tags()), notice, SubscriptionLinks.UNSUBSCRIBE_PATH,
              view.unsubscribeToken())));
      case DONE -> page(200, new MessagePage(SubscriptionLinks.PREFERENCES_PATH,
          "Not subscribed", "This address gets no newsletter.", "You are not subscribed",
          List.of("This address gets no newsletter from us, so there are no topics to choose.",
              "Subscribe again from any article to choose topics anew."), null));
      case INVALID -> invalid("Links to your newsletter topics work for a year. Use the link"
          + " at the bottom of a more recent newsletter.");
    };
  }

  private HttpResponse expired() {
    return invalid("Links to your data work for 24 hours. Ask for new ones at "
        + SubscriptionLinks.DATA_REQUESTS_PATH + ".");
  }

  private HttpResponse invalid(String explanation) {
    return page(404, MessagePages.linkNotValid(explanation));
  }

  private static MessagePage.Form form(String action, String token, String button) {
    return new MessagePage.Form(action, Map.of("token", token), button);
  }

  private HttpResponse page(int status, MessagePage page) {
    return new HttpResponse(status, PRIVATE, layout.message(page));
  }
}

package dev.newsroom.subscriptions;

import dev.newsroom.web.ApiException;
import dev.newsroom.web.ClientAddress;
import dev.newsroom.web.FormFields;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import java.util.Set;

/**
 * {@code /api/subscriptions/preferences?token=}, the "Choose your topics" link in every
 * newsletter. GET shows the page (all news, or chosen tags, and a button to unsubscribe) and
 * changes nothing; POST sets the topics, from the page's form (answered with the page and a
 * confirmation) or as JSON ({@code {"token","topics":"all"|"tags","tags":[...]}}). Bad topics
 * are a 400 that changes nothing.
 */
public final class PreferencesHandler extends LinkHandler {

  static final Set<String> FIELDS = Set.of("token", "topics");
  static final Set<String> LISTS = Set.of("tags");
  static final String SAVED = "Your topics are saved. The next newsletter follows them.";

  private final PreferencesService preferences;
  private final ClientAddress clients;

  public PreferencesHandler() {
    this(SubscriptionsWiring.preferences(), SubscriptionsWiring.site(), ClientAddress.fromEnv());
  }

  PreferencesHandler(PreferencesService preferences, SiteContext site, ClientAddress clients) {
    super(site, preferences::state, page(preferences, null));
    this.preferences = preferences;
    this.clients = clients;
  }

  @Override
  HttpResponse act(HttpRequest request) {
    FormFields fields = FormFields.read(request, FIELDS, LISTS);
    String token = request.query("token").orElseGet(() -> fields.get("token"));
    Topics topics = Topics.choose(fields.get("topics"), fields.list("tags"));
    return switch (preferences.change(token, topics,
        new Visitor(clients.of(request), request.userAgent()))) {
      case SAVED -> wantsJson(request) ? LinkRequests.json(200, "saved")
          : page(preferences, SAVED).render(site().pages(request.domainName()), LinkState.ACTIONABLE, token);
      case NOT_SUBSCRIBED -> {
        if (wantsJson(request)) {
          throw new ApiException(409, "not_subscribed",
              "This address gets no newsletter; subscribe again to choose topics.");
        }
        yield refused(request, LinkState.DONE, token);
      }
      case INVALID_LINK -> refused(request, LinkState.INVALID, "");
    };
  }

  /**
   * The page for a link's state, read afresh: a subscriber who unsubscribed since the state was
   * read gets the "not subscribed" page, not a form.
   */
  private static LinkPage page(PreferencesService preferences, String notice) {
    return (pages, state, token) -> {
      if (state != LinkState.ACTIONABLE) {
        return pages.preferences(state, null, token, null);
      }
      return preferences.view(token)
          .map(view -> pages.preferences(LinkState.ACTIONABLE, view, token, notice))
          .orElseGet(() -> pages.preferences(LinkState.DONE, null, token, null));
    };
  }
}

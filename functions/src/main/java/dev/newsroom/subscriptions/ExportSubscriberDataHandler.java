package dev.newsroom.subscriptions;

import dev.newsroom.shared.Json;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/subscriptions/export?token=}: GET shows a download button; POST answers with a JSON
 * file of the subscription and its consent log (each entry with the consent wording it refers
 * to). The signed link is good for 24 hours.
 */
public final class ExportSubscriberDataHandler extends LinkHandler {

  static final String FILE_NAME = "newsletter-data.json";

  private final SubscriberDataService data;

  public ExportSubscriberDataHandler() {
    this(SubscriptionsWiring.dataLinks(), SubscriptionsWiring.site());
  }

  ExportSubscriberDataHandler(SubscriberDataService data, SiteContext site) {
    super(site, data::exportState, SubscriptionPages::export);
    this.data = data;
  }

  /** JSON callers and pages alike get the file: the download is the answer. */
  @Override
  HttpResponse act(HttpRequest request) {
    Optional<SubscriberExport> export = data.export(LinkRequests.postToken(request));
    if (export.isEmpty()) {
      return refused(request, LinkState.INVALID, "");
    }
    return new HttpResponse(200, Map.of(
        "Content-Type", HttpResponse.JSON,
        "Content-Disposition", "attachment; filename=\"" + FILE_NAME + "\"",
        "Cache-Control", "no-store"), Json.write(json(export.get())));
  }

  static Map<String, Object> json(SubscriberExport export) {
    Subscriber s = export.subscriber();
    Map<String, Object> subscription = new LinkedHashMap<>();
    put(subscription, "email", s.email());
    put(subscription, "name", s.name());
    put(subscription, "status", s.status().wire());
    put(subscription, "signedUpFrom", s.page());
    put(subscription, "createdAt", s.createdAt());
    put(subscription, "confirmedAt", s.confirmedAt());
    put(subscription, "unsubscribedAt", s.unsubscribedAt());
    put(subscription, "suppressedAt", s.suppressedAt());
    put(subscription, "suppressionReason", s.suppressionReason());
    put(subscription, "erasedAt", s.erasedAt());
    subscription.put("topics",
        s.topics().all() ? Topics.CHOICE_ALL : List.copyOf(s.topics().tags()));
    List<Map<String, Object>> log = new ArrayList<>();
    for (ConsentEvent e : export.events()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      put(entry, "type", e.type().wire());
      put(entry, "at", e.at());
      put(entry, "ip", e.ip());
      put(entry, "userAgent", e.userAgent());
      put(entry, "page", e.page());
      put(entry, "consentVersion", e.consentVersion());
      put(entry, "consentWording", Consent.wording(e.consentVersion()));
      put(entry, "detail", e.detail());
      log.add(entry);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("exportedAt", export.exportedAt().toString());
    json.put("subscription", subscription);
    json.put("consentLog", log);
    return json;
  }

  private static void put(Map<String, Object> json, String name, Object value) {
    if (value != null) {
      json.put(name, value.toString());
    }
  }
}

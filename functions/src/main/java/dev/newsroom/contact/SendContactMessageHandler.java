package dev.newsroom.contact;

import dev.newsroom.web.ClientAddress;
import dev.newsroom.web.FormFields;
import dev.newsroom.web.HttpHandler;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/contact}, from the page's script (JSON: 202 with the message's reference) or
 * from the plain HTML form (urlencoded: 303 to the thank-you page). A repeat answers the same.
 */
public final class SendContactMessageHandler extends HttpHandler {

  static final Set<String> FIELDS = Set.of("name", "email", "subject", "message", "page",
      "website");
  static final String THANKS_PAGE = "/contact/thanks/";

  private final ContactService contact;
  private final ClientAddress clients;

  public SendContactMessageHandler() {
    this(ContactWiring.service(), ClientAddress.fromEnv());
  }

  SendContactMessageHandler(ContactService contact, ClientAddress clients) {
    this.contact = contact;
    this.clients = clients;
  }

  @Override
  protected HttpResponse handle(HttpRequest request) {
    FormFields fields = FormFields.read(request, FIELDS);
    ContactService.Receipt receipt = contact.send(new ContactRequest(fields.get("name"),
        fields.get("email"), fields.get("subject"), fields.get("message"), fields.get("page"),
        fields.get("website"), request.header("idempotency-key").orElse(null),
        clients.of(request), request.userAgent(), request.header("referer").orElse(null)));
    if (fields.form()) {
      return HttpResponse.seeOther(THANKS_PAGE);
    }
    return HttpResponse.json(202, Map.of("id", receipt.id(), "status", "received"))
        .withHeader("Cache-Control", "no-store");
  }
}

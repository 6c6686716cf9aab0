package dev.newsroom.contact;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code GET /api/admin/messages/{id}}: one message in full. */
public final class GetContactMessageHandler extends AdminHttpHandler {

  private final ContactInbox inbox;

  public GetContactMessageHandler() {
    this(ContactWiring.inbox(), EditorsWiring.service());
  }

  GetContactMessageHandler(ContactInbox inbox, EditorKeyService keys) {
    super(keys);
    this.inbox = inbox;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    return HttpResponse.json(200,
        ContactJson.message(inbox.get(request.pathParameter("id").orElse(""))));
  }
}

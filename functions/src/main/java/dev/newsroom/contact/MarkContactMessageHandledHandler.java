package dev.newsroom.contact;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;

/** {@code POST /api/admin/messages/{id}/handled}: idempotent; the first editor is kept. */
public final class MarkContactMessageHandledHandler extends AdminHttpHandler {

  private final ContactInbox inbox;

  public MarkContactMessageHandledHandler() {
    this(ContactWiring.inbox(), EditorsWiring.service());
  }

  MarkContactMessageHandledHandler(ContactInbox inbox, EditorKeyService keys) {
    super(keys);
    this.inbox = inbox;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    return HttpResponse.json(200, ContactJson.message(
        inbox.markHandled(request.pathParameter("id").orElse(""), editor)));
  }
}

package dev.newsroom.contact;

import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.EditorsWiring;
import dev.newsroom.web.HttpRequest;
import dev.newsroom.web.HttpResponse;
import dev.newsroom.web.QueryParams;

/** {@code GET /api/admin/messages?status=new|handled&limit=&cursor=}: newest first. */
public final class ListContactMessagesHandler extends AdminHttpHandler {

  private final ContactInbox inbox;

  public ListContactMessagesHandler() {
    this(ContactWiring.inbox(), EditorsWiring.service());
  }

  ListContactMessagesHandler(ContactInbox inbox, EditorKeyService keys) {
    super(keys);
    this.inbox = inbox;
  }

  @Override
  protected HttpResponse handle(HttpRequest request, String editor) {
    ContactStatus status = QueryParams.oneOf(request, "status", ContactStatus.NEW,
        ContactStatus::wire);
    return HttpResponse.json(200, ContactJson.page(inbox.list(status,
        QueryParams.optionalInt(request, "limit"), request.query("cursor").orElse(null))));
  }
}

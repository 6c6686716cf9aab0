package dev.newsroom.operations;

import java.util.List;

/** The outbox messages not settled yet (pending, or claimed by a sender that may have died). */
public interface UnsentMail {

  List<String> ids();
}

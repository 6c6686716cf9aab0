package dev.newsroom.editors;

import java.time.Instant;
import java.util.Optional;

/** Where editor keys are kept. */
public interface EditorKeyRepository {

  Optional<EditorKey> find(String keyId);

  /** Stores a new key; key ids are random, so a collision is a bug and fails. */
  void create(EditorKey key);

  /** Marks the key revoked; returns false when there is no such key. */
  boolean revoke(String keyId, Instant at);
}

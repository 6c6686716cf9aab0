package dev.newsroom.editors;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Editor keys in a map, with the same create and revoke rules as the DynamoDB adapter. */
public final class InMemoryEditorKeyRepository implements EditorKeyRepository {

  private final Map<String, EditorKey> keys = new ConcurrentHashMap<>();

  @Override
  public Optional<EditorKey> find(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public void create(EditorKey key) {
    if (keys.putIfAbsent(key.keyId(), key) != null) {
      throw new IllegalStateException("key id collision: " + key.keyId());
    }
  }

  @Override
  public boolean revoke(String keyId, Instant at) {
    EditorKey key = keys.get(keyId);
    if (key == null) {
      return false;
    }
    if (!key.isRevoked()) {
      keys.put(keyId, new EditorKey(key.keyId(), key.editorId(), key.secretHash(),
          key.createdAt(), at));
    }
    return true;
  }

  public Map<String, EditorKey> stored() {
    return Map.copyOf(keys);
  }
}

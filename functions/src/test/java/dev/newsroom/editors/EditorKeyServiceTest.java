package dev.newsroom.editors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.MutableClock;
import dev.newsroom.shared.Hashing;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EditorKeyServiceTest {

  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  private final InMemoryEditorKeyRepository store = new InMemoryEditorKeyRepository();
  private final EditorKeyService keys = new EditorKeyService(store, new MutableClock(NOW));

  @Test
  void mint_whenEditorIdValid_storesOnlyTheSecretsHash() {
    EditorKeyService.MintedKey minted = keys.mint("alice");

    assertThat(minted.plaintext()).matches("nrk\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{43}")
        .startsWith("nrk." + minted.keyId() + ".");
    String secret = minted.plaintext().substring(("nrk." + minted.keyId() + ".").length());
    EditorKey stored = store.find(minted.keyId()).orElseThrow();
    assertThat(stored.editorId()).isEqualTo("alice");
    assertThat(stored.secretHash()).isEqualTo(Hashing.sha256Hex(secret)).doesNotContain(secret);
    assertThat(stored.createdAt()).isEqualTo(NOW);
    assertThat(stored.isRevoked()).isFalse();
  }

  @Test
  void mint_twice_givesDifferentKeys() {
    assertThat(keys.mint("alice").plaintext()).isNotEqualTo(keys.mint("alice").plaintext());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Alice", "-alice", "al ice", "al\nice", "a@b"})
  void mint_whenEditorIdInvalid_refusesAndStoresNothing(String editorId) {
    assertThatThrownBy(() -> keys.mint(editorId)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.stored()).isEmpty();
  }

  @Test
  void authenticate_whenKeyValid_returnsItsEditor() {
    String key = keys.mint("alice").plaintext();

    assertThat(keys.authenticate("Bearer " + key)).contains("alice");
    assertThat(keys.authenticate("bearer " + key)).contains("alice");
  }

  @Test
  void authenticate_whenSecretWrong_returnsEmpty() {
    String key = keys.mint("alice").plaintext();
    String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");

    assertThat(keys.authenticate("Bearer " + tampered)).isEmpty();
  }

  @Test
  void authenticate_whenKeyIdUnknown_returnsEmpty() {
    String key = keys.mint("alice").plaintext();
    String otherId = "nrk." + "A".repeat(16) + key.substring(key.lastIndexOf('.'));

    assertThat(keys.authenticate("Bearer " + otherId)).isEmpty();
  }

  @Test
  void authenticate_whenRevoked_returnsEmpty() {
    EditorKeyService.MintedKey minted = keys.mint("alice");

    assertThat(keys.revoke(minted.keyId())).isTrue();

    assertThat(keys.authenticate("Bearer " + minted.plaintext())).isEmpty();
    assertThat(store.find(minted.keyId()).orElseThrow().revokedAt()).isEqualTo(NOW);
  }

  @Test
  void revoke_whenKeyUnknown_returnsFalse() {
    assertThat(keys.revoke("A".repeat(16))).isFalse();
  }

  @Test
  void authenticate_whenOneOfTwoKeysRevoked_keepsTheOther() {
    EditorKeyService.MintedKey first = keys.mint("alice");
    EditorKeyService.MintedKey second = keys.mint("alice");

    keys.revoke(first.keyId());

    assertThat(keys.authenticate("Bearer " + second.plaintext())).contains("alice");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token nrk.x.y",
      "nrk.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      "Bearer nrk.short.secret", "Bearer xyz.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      "Bearer nrk.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB extra"})
  void authenticate_whenHeaderMissingOrMalformed_returnsEmptyWithoutLookup(String header) {
    EditorKeyRepository failing = new EditorKeyRepository() {
      @Override
      public Optional<EditorKey> find(String keyId) {
        throw new AssertionError("a malformed header must not reach the store");
      }

      @Override
      public void create(EditorKey key) {
        throw new AssertionError("not expected");
      }

      @Override
      public boolean revoke(String keyId, Instant at) {
        throw new AssertionError("not expected");
      }
    };

    assertThat(new EditorKeyService(failing, new MutableClock(NOW)).authenticate(header)).isEmpty();
  }

  @Test
  void authenticate_whenHeaderHuge_returnsEmpty() {
    assertThat(keys.authenticate("Bearer " + "A".repeat(10_000))).isEmpty();
  }
}

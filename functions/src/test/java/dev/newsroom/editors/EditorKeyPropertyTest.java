package dev.newsroom.editors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.shared.MutableClock;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one editor door: only the exact, unrevoked key opens it, whatever else is presented. */
class EditorKeyPropertyTest {

  private final InMemoryEditorKeyRepository repository = new InMemoryEditorKeyRepository();
  private final EditorKeyService keys = new EditorKeyService(repository,
      new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
  private final String key = keys.mint("editor").plaintext();

  @Property(tries = 3000)
  void authenticate_anythingButTheExactKey_opensNothing(@ForAll("credentials") String header) {
    boolean exactKey = header.length() <= 200 && header.regionMatches(true, 0, "Bearer ", 0, 7)
        && header.substring(7).strip().equals(key);

    assertThat(keys.authenticate(header).isPresent())
        .as("%s", header.length() > 80 ? header.substring(0, 80) : header).isEqualTo(exactKey);
  }

  @Provide
  Arbitrary<String> credentials() {
    Arbitrary<String> mutated = Arbitraries.integers().between(0, key.length() - 1)
        .flatMap(i -> Arbitraries.chars().alpha().numeric().with('-', '_', '.')
            .map(c -> key.substring(0, i) + c + key.substring(i + 1)));
    return Arbitraries.oneOf(
        Arbitraries.just("Bearer " + key),
        mutated.map(k -> "Bearer " + k),
        Arbitraries.strings().all().ofMaxLength(120),
        Arbitraries.strings().all().ofMaxLength(80).map(s -> "Bearer " + s),
        Arbitraries.of("Bearer " + key + "\r\n", "bearer " + key, "BEARER " + key, key,
            "Bearer  " + key, "Bearer " + key.substring(1), "Bearer " + key + "x",
            "Basic " + key, "Bearer " + key.replace("nrk.", "NRK.")));
  }
}

package dev.newsroom.devserver;

import dev.newsroom.editors.EditorKeyService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local editor's key, minted once and kept beside the local data so it survives restarts. */
final class DevEditorKey {

  static final String EDITOR = "dev-editor";

  private DevEditorKey() {}

  static String load(EditorKeyService keys, Path data) throws IOException {
    Path file = data == null ? null : data.resolve("editor-key.txt");
    if (file != null && Files.exists(file)) {
      String stored = Files.readString(file).strip();
      if (keys.authenticate("Bearer " + stored).isPresent()) {
        return stored;
      }
    }
    String key = keys.mint(EDITOR).plaintext();
    if (file != null) {
      Files.writeString(file, key + "\n");
    }
    return key;
  }
}

package dev.newsroom.editors;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Clock;

/** Wires the key check for admin handlers' no-arg constructors. */
public final class EditorsWiring {

  private EditorsWiring() {}

  public static EditorKeyService service() {
    return new EditorKeyService(new DynamoDbEditorKeyRepository(AwsClients.dynamoDb(),
        Env.require("EDITOR_KEYS_TABLE")), Clock.system());
  }
}

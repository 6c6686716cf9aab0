package dev.newsroom.editors;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Clock;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Mints and revokes editor keys from a developer's machine:
 * {@code java -cp functions/target/functions-*-all.jar dev.newsroom.editors.EditorKeysCli
 * mint <editorId> | revoke <keyId>}, with {@code EDITOR_KEYS_TABLE} set to the stack's table.
 */
public final class EditorKeysCli {

  private EditorKeysCli() {}

  public static void main(String[] args) {
    if (args.length != 2 || !(args[0].equals("mint") || args[0].equals("revoke"))) {
      System.err.println("usage: EditorKeysCli mint <editorId> | revoke <keyId>");
      System.exit(2);
    }
    // A person runs this, so the full chain applies: profiles, SSO, environment.
    try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
        .region(AwsClients.region())
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClient(AwsClients.httpClient())
        .build()) {
      EditorKeyService keys = new EditorKeyService(
          new DynamoDbEditorKeyRepository(dynamoDb, Env.require("EDITOR_KEYS_TABLE")),
          Clock.system());
      if (args[0].equals("mint")) {
        EditorKeyService.MintedKey key;
        try {
          key = keys.mint(args[1]);
        } catch (IllegalArgumentException e) {
          System.err.println(e.getMessage());
          System.exit(2);
          return;
        }
        System.out.println("key id:  " + key.keyId());
        System.out.println("editor:  " + key.editorId());
        System.out.println("key:     " + key.plaintext() + "   (shown once; store it safely)");
      } else if (!keys.revoke(args[1])) {
        System.err.println("no such key id");
        System.exit(1);
      } else {
        System.out.println("revoked " + args[1]);
      }
    }
  }
}

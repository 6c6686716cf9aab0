package dev.newsroom.cli;

import dev.newsroom.cli.config.ConfigException;
import dev.newsroom.editors.EditorKeyService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * Editor keys, straight in the stack's DynamoDB table with the caller's AWS credentials: no API
 * route mints keys, so a leaked editor key cannot make more.
 */
@Command(name = "keys", description = "Create or revoke editor keys (AWS credentials needed).",
    subcommands = {KeysCommand.Create.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {

  @ParentCommand
  private Newsroom root;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Option(names = "--table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
      description = "The editor-key table, the stack output EditorKeysTableName"
          + " (default: $EDITOR_KEYS_TABLE).")
  private String table;

  @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
      description = "The stack's AWS region (default: the AWS SDK's, e.g. AWS_REGION).")
  private String region;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name one: create or revoke.");
  }

  private Context.EditorKeys open() {
    String name = table != null ? table : root.context().env().get("EDITOR_KEYS_TABLE");
    if (name == null || name.isBlank()) {
      throw new ConfigException("Name the editor-key table: --table or EDITOR_KEYS_TABLE"
          + " (the stack output EditorKeysTableName).");
    }
    return root.context().keys().apply(new Context.KeyTable(name.strip(), region));
  }

  @Command(name = "create", description = "Mint a key for an editor; it is shown once.")
  static final class Create implements Callable<Integer> {

    @ParentCommand
    private KeysCommand keys;

    @Parameters(paramLabel = "EDITOR_ID",
        description = "Who will use it: 1-64 of a-z, 0-9, '.', '_' and '-'.")
    private String editorId;

    @Override
    public Integer call() throws Exception {
      EditorKeyService.MintedKey key;
      try (Context.EditorKeys open = keys.open()) {
        key = open.service().mint(editorId);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(keys.spec.commandLine(), e.getMessage());
      }
      Output out = keys.root.output();
      out.line("key id:  " + key.keyId());
      out.line("editor:  " + key.editorId());
      out.line("key:     " + key.plaintext() + "   (shown once; store it safely)");
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("keyId", key.keyId());
      json.put("editorId", key.editorId());
      json.put("key", key.plaintext());
      out.document(json);
      return Failures.OK;
    }
  }

  @Command(name = "revoke", description = "Revoke a key; it stops working on the next request.")
  static final class Revoke implements Callable<Integer> {

    @ParentCommand
    private KeysCommand keys;

    @Parameters(paramLabel = "KEY_ID",
        description = "The key id (the part after 'nrk.'); a whole key is taken as its id.")
    private String keyId;

    @Override
    public Integer call() throws Exception {
      // A pasted key: its id only, so that the secret part is never echoed.
      String[] parts = keyId.split("\\.", 3);
      String id = parts.length == 3 && parts[0].equals("nrk") ? parts[1] : keyId;
      boolean revoked;
      try (Context.EditorKeys open = keys.open()) {
        revoked = open.service().revoke(id);
      }
      if (!revoked) {
        throw new CommandRefused("not_found", "No key has the id " + id + ".");
      }
      Output out = keys.root.output();
      out.line("revoked " + id);
      out.document(Map.of("keyId", id, "revoked", true));
      return Failures.OK;
    }
  }
}

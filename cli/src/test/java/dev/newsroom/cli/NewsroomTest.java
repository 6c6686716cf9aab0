package dev.newsroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.cli.api.ApiRefusedException;
import dev.newsroom.cli.api.ApiUnavailableException;
import dev.newsroom.cli.api.InMemoryNewsroomApi;
import dev.newsroom.editors.EditorKeyService;
import dev.newsroom.editors.InMemoryEditorKeyRepository;
import dev.newsroom.shared.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole client with a fake API: exit codes, messages, --json, and the key never shown. */
class NewsroomTest {

  private static final String KEY = "nrk.AAAAAAAAAAAAAAAA.secret-secret-secret-secret-secret-secret-s";

  @TempDir
  Path home;

  private final InMemoryNewsroomApi api = new InMemoryNewsroomApi();
  private final InMemoryEditorKeyRepository keyTable = new InMemoryEditorKeyRepository();
  private final Map<String, String> env = new HashMap<>();
  private StringWriter out;
  private StringWriter err;
  private Context.KeyTable openedTable;

  @BeforeEach
  void environment() {
    env.put("NEWSROOM_URL", "https://news.example.org");
    env.put("NEWSROOM_KEY", KEY);
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    Context context = new Context(env, home, new PrintWriter(out), new PrintWriter(err),
        settings -> api,
        table -> {
          openedTable = table;
          return new Context.EditorKeys(new EditorKeyService(keyTable, Clock.system()), () -> { });
        },
        duration -> { }, Duration.ofSeconds(5));
    return Newsroom.run(context, args);
  }

  private Path article(String name, String text) throws IOException {
    Path file = home.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private void assertKeyNeverShown() {
    assertThat(out.toString() + err.toString()).doesNotContain(KEY).doesNotContain("secret-s");
  }

  @Test
  void push_whenTheFileIsGood_exitsZeroWithOneLinePerFile() throws IOException {
    Path file = article("harbour.md", "---\ntitle: Harbour\nauthor: Ann\n---\nOpen.\n");

    int exit = run("push", "--publish", file.toString());

    assertThat(exit).isEqualTo(0);
    assertThat(out.toString()).isEqualTo(file + ": created harbour (version 2, published)\n");
    assertThat(err.toString()).isEmpty();
    assertKeyNeverShown();
  }

  @Test
  void push_whenTheFrontMatterIsBad_exitsOneWithTheFileAndReasonAndSendsNothing()
      throws IOException {
    Path good = article("a.md", "---\ntitle: A\nauthor: Ann\n---\nText.\n");
    Path bad = article("b.md", "---\ntitle: B\nauthour: Ann\n---\nText.\n");

    int exit = run("push", good.toString(), bad.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("newsroom: " + bad + ": front matter: unknown field"
        + " 'authour'").hasLineCount(1);
    assertThat(api.calls).as("no file is pushed while one is bad").isEmpty();
  }

  @Test
  void push_whenTheApiRefusesAField_exitsOneWithTheFieldAndMessage() throws IOException {
    Path file = article("a.md", "---\ntitle: A\nauthor: Ann\n---\nText.\n");
    api.failNext(new ApiRefusedException(400, "invalid_field", "tags",
        "Each tag must be 1-40 characters of letters, digits and single hyphens."));

    int exit = run("push", file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("newsroom: " + file + ": tags: Each tag must be 1-40"
        + " characters of letters, digits and single hyphens. (HTTP 400 invalid_field)\n");
  }

  @Test
  void push_whenAskedForJson_printsOneDocumentForResultOrError() throws IOException {
    Path file = article("a.md", "---\ntitle: A\nauthor: Ann\n---\nText.\n");
    ObjectMapper json = new ObjectMapper();

    assertThat(run("push", "--json", file.toString())).isEqualTo(0);
    JsonNode pushed = json.readTree(out.toString()).get("pushed").get(0);
    assertThat(pushed.get("slug").asText()).isEqualTo("a");
    assertThat(pushed.get("outcome").asText()).isEqualTo("created");
    assertThat(pushed.get("version").asLong()).isEqualTo(1);

    api.failNext(new ApiRefusedException(401, "unauthorized", null, "A valid editor key is"
        + " required."));
    assertThat(run("--json", "push", file.toString())).isEqualTo(1);
    JsonNode error = json.readTree(out.toString()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("unauthorized");
    assertThat(error.get("status").asInt()).isEqualTo(401);
    assertThat(error.get("file").asText()).isEqualTo(file.toString());
    assertThat(err.toString()).isEmpty();
    assertKeyNeverShown();
  }

  @Test
  void publish_whenTheServerIsUnavailable_exitsThree() {
    api.failNext(new ApiUnavailableException("The server answered HTTP 503 to POST"
        + " /api/admin/articles/a/publish; try again shortly."));

    assertThat(run("publish", "a")).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("newsroom: The server answered HTTP 503 to POST"
        + " /api/admin/articles/a/publish; try again shortly.\n");
  }

  @Test
  void publish_whenTheArticleIsUnknown_exitsOneWithTheApiMessage() {
    assertThat(run("publish", "nope")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo(
        "newsroom: No article has this slug. (HTTP 404 not_found)\n");
  }

  @Test
  void commands_whenUsageIsWrong_exitTwoAndSendNothing() {
    assertThat(run("publish", "Not A Slug")).isEqualTo(2);
    assertThat(err.toString()).contains("Not a slug: 'Not A Slug'");
    assertThat(run("list", "--status", "archived")).isEqualTo(2);
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(api.calls).isEmpty();
  }

  @Test
  void commands_whenAnOptionHoldingTheKeyIsMistyped_exitTwoWithoutShowingTheKey() {
    assertThat(run("--kye=" + KEY, "list")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--kye=nrk.AAAAAAAAAAAAAAAA.(hidden)'");
    assertKeyNeverShown();
  }

  @Test
  void commands_whenTheConfigIsMissingOrUnsafe_exitTwo() throws IOException {
    env.clear();
    assertThat(run("list")).isEqualTo(2);
    assertThat(err.toString()).contains("No Newsroom URL");

    Path config = home.resolve(".config/newsroom/config");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "url=https://news.example.org\nkey=" + KEY + "\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(run("list")).isEqualTo(2);
    assertThat(err.toString()).contains("chmod 600");
    assertKeyNeverShown();

    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    assertThat(run("list")).isEqualTo(0);
    assertThat(api.calls).containsExactly("list draft", "list published", "list scheduled");
  }

  @Test
  void list_whenThereAreSeveralPages_followsTheCursor() throws IOException {
    for (String slug : new String[] {"a", "b", "c"}) {
      run("push", article(slug + ".md", "---\ntitle: T " + slug + "\nauthor: A\n---\nX\n")
          .toString());
    }

    assertThat(run("list", "--status", "draft")).isEqualTo(0);

    assertThat(api.calls).contains("list draft", "list draft 2");
    assertThat(out.toString()).contains("draft      2026-12-03T09:15  a  T a",
        "  b  T b", "  c  T c");
  }

  @Test
  void deleteAndUnpublish_whenTheArticleExists_exitZero() throws IOException {
    run("push", "--publish", article("a.md", "---\ntitle: A\nauthor: B\n---\nX\n").toString());

    assertThat(run("unpublish", "a")).isEqualTo(0);
    assertThat(out.toString()).isEqualTo("unpublished a (version 3, now draft)\n");
    assertThat(run("delete", "a")).isEqualTo(0);
    assertThat(run("delete", "a")).isEqualTo(1);
  }

  @Test
  void messages_whenThereAreSome_showsWhoAndWhat() {
    api.messages.add(new ObjectMapper().createObjectNode().put("id", "m1")
        .put("receivedAt", "2026-12-03T08:00:00Z").put("name", "Bo").put("email", "bo@ex.org")
        .put("subject", "Tip").put("preview", "The ferry is late."));

    assertThat(run("messages")).isEqualTo(0);

    assertThat(out.toString()).isEqualTo(
        "2026-12-03T08:00  m1  Bo <bo@ex.org>  Tip\n    The ferry is late.\n");
    assertThat(api.calls).containsExactly("messages new");
  }

  @Test
  void keys_whenCreatedThenRevoked_showsTheNewKeyOnceAndRevokesByIdOrWholeKey() {
    env.put("EDITOR_KEYS_TABLE", "newsroom-prod-editor-keys");

    assertThat(run("keys", "create", "ann")).isEqualTo(0);
    String minted = out.toString().lines().filter(l -> l.startsWith("key: ")).findFirst()
        .orElseThrow().substring(5).strip().split(" ")[0];
    String keyId = minted.split("\\.")[1];
    assertThat(openedTable).isEqualTo(new Context.KeyTable("newsroom-prod-editor-keys", null));
    assertThat(keyTable.stored()).containsOnlyKeys(keyId);

    assertThat(run("keys", "revoke", minted, "--table", "other", "--region", "eu-west-1"))
        .isEqualTo(0);
    assertThat(openedTable).isEqualTo(new Context.KeyTable("other", "eu-west-1"));
    assertThat(out.toString()).isEqualTo("revoked " + keyId + "\n");
    assertThat(keyTable.stored().get(keyId).isRevoked()).isTrue();

    assertThat(run("keys", "revoke", "nrk.ZZZZZZZZZZZZZZZZ.topsecret")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("newsroom: No key has the id ZZZZZZZZZZZZZZZZ.\n");
    assertThat(run("keys", "create", "Not Valid!")).isEqualTo(2);
  }

  @Test
  void keys_whenNoTableIsNamed_exitsTwo() {
    assertThat(run("keys", "create", "ann")).isEqualTo(2);
    assertThat(err.toString()).contains("--table or EDITOR_KEYS_TABLE");
  }
}

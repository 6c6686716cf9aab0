package dev.newsroom.cli.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.cli.api.ApiUnavailableException;
import dev.newsroom.cli.api.InMemoryNewsroomApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PusherTest {

  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2};
  private static final String SITE = "http://127.0.0.1:8787";

  @TempDir
  Path dir;

  private final InMemoryNewsroomApi api = new InMemoryNewsroomApi();
  private final List<Duration> sleeps = new ArrayList<>();
  private Path stateFile;

  @BeforeEach
  void files() throws IOException {
    Files.write(dir.resolve("quay.jpg"), JPEG);
    stateFile = dir.resolve("state/push-state.json");
  }

  private Pusher pusher() {
    PushState state = PushState.load(stateFile, SITE);
    return new Pusher(api, new ImageUploader(api, state, sleeps::add, Duration.ofSeconds(3)),
        state);
  }

  private ArticleFile article(String name, String frontMatter, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "---\ntitle: Harbour\nauthor: Ann\n" + frontMatter + "---\n" + body);
    return ArticleFiles.read(file);
  }

  @Test
  void push_whenTheFileHasLocalImages_uploadsEachOnceAndSendsTheirNewsroomPaths()
      throws IOException {
    ArticleFile file = article("harbour.md", "hero: quay.jpg\nheroAlt: The quay\n",
        "![The quay](quay.jpg) and again ![Same bytes](./quay.jpg)\n");

    Pusher.Result result = pusher().push(file, false);

    assertThat(api.uploadCount()).isEqualTo(1);
    String path = "/images/img0000000000000000001-800x600/600.jpg";
    var stored = api.articles.get("harbour").draft();
    assertThat(stored.body()).isEqualTo("![The quay](" + path + ") and again ![Same bytes]("
        + path + ")\n");
    assertThat(stored.heroImage().url()).isEqualTo(path);
    assertThat(stored.bodyFormat()).isEqualTo("markdown");
    assertThat(result.outcome()).isEqualTo("created");
    assertThat(result.imagesUploaded()).isEqualTo(1);
    assertThat(result.imagesReused()).isEqualTo(1);
    assertThat(sleeps).as("waited while the image was pending").isNotEmpty();
  }

  @Test
  void push_whenPushedAgainUnchanged_uploadsNothingAndTheVersionStays() throws IOException {
    ArticleFile file = article("harbour.md", "publish: true\n", "![The quay](quay.jpg)\n");
    Pusher.Result first = pusher().push(file, false);
    int callsAfterFirst = api.calls.size();

    Pusher.Result second = pusher().push(file, false);

    assertThat(api.uploadCount()).isEqualTo(1);
    assertThat(api.calls.subList(callsAfterFirst, api.calls.size()))
        .as("a status check of the known image, the PUT, no publish")
        .containsExactly("image img0000000000000000001", "PUT harbour");
    assertThat(second.article().version()).isEqualTo(first.article().version());
    assertThat(second.outcome()).isEqualTo("unchanged");
    assertThat(second.imagesUploaded()).isZero();
  }

  @Test
  void push_whenTheImageIsGoneFromTheSite_uploadsItAgain() throws IOException {
    ArticleFile file = article("harbour.md", "", "![The quay](quay.jpg)\n");
    pusher().push(file, false);
    api.forgetImages();

    Pusher.Result again = pusher().push(file, false);

    assertThat(api.uploadCount()).isEqualTo(2);
    assertThat(again.outcome()).isEqualTo("updated");
  }

  @Test
  void push_whenTheFileChanges_reportsAnUpdate() throws IOException {
    pusher().push(article("harbour.md", "", "First.\n"), false);

    Pusher.Result result = pusher().push(article("harbour.md", "", "Second.\n"), false);

    assertThat(result.outcome()).isEqualTo("updated");
    assertThat(result.article().version()).isEqualTo(2);
  }

  @Test
  void push_whenPublishOrScheduleIsAsked_callsTheRightRoute() throws IOException {
    pusher().push(article("a.md", "", "Text.\n"), true);
    pusher().push(article("b.md", "publish: true\nnewsletter: true\n", "Text.\n"), false);
    pusher().push(article("c.md", "publishAt: 2026-12-24T09:00:00Z\n", "Text.\n"), false);

    assertThat(api.calls).contains("publish a", "publish b newsletter",
        "schedule c 2026-12-24T09:00:00Z");
    assertThat(api.articles.get("c").status()).isEqualTo("scheduled");
  }

  @Test
  void push_whenNewsletterIsAskedWithoutPublishing_refusesBeforeAnything() throws IOException {
    ArticleFile file = article("a.md", "newsletter: true\n", "![The quay](quay.jpg)\n");

    assertThatThrownBy(() -> pusher().push(file, false))
        .isInstanceOf(InvalidFileException.class).hasMessageContaining("newsletter: true needs");
    assertThat(api.calls).isEmpty();
  }

  @Test
  void push_whenTheImageIsRefused_givesTheReasonAndWritesNoArticle() throws IOException {
    api.refuseImages = "The file is not a JPEG, PNG, GIF or WebP image.";
    ArticleFile file = article("a.md", "", "![The quay](quay.jpg)\n");

    assertThatThrownBy(() -> pusher().push(file, false))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("Newsroom refused the image quay.jpg: The file is not a JPEG, PNG, GIF or"
            + " WebP image.");
    assertThat(api.articles).isEmpty();
  }

  @Test
  void push_whenProcessingOutlastsTheTimeout_givesUpAsUnavailable() throws IOException {
    api.pendingChecks = 1000;
    ArticleFile file = article("a.md", "", "![The quay](quay.jpg)\n");

    assertThatThrownBy(() -> pusher().push(file, false))
        .isInstanceOf(ApiUnavailableException.class).hasMessageContaining("still being processed");
    assertThat(sleeps.stream().mapToLong(Duration::toMillis).sum()).isBetween(3000L, 5000L);
    assertThat(api.articles).isEmpty();
  }

  @Test
  void upload_whenTheFileIsNoImage_refusesWithoutSendingIt() throws IOException {
    Files.writeString(dir.resolve("quay.jpg"), "<svg onload=alert(1)>");
    ArticleFile file = article("a.md", "", "![The quay](quay.jpg)\n");

    assertThatThrownBy(() -> pusher().push(file, false))
        .hasMessageContaining("quay.jpg is not a JPEG, PNG, GIF or WebP file");
    assertThat(api.calls).isEmpty();
  }

  @Test
  void contentType_whenGivenSignatures_readsTheFormatFromTheBytes() {
    assertThat(ImageUploader.contentType(JPEG)).contains("image/jpeg");
    assertThat(ImageUploader.contentType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))
        .contains("image/png");
    assertThat(ImageUploader.contentType("GIF89a".getBytes())).contains("image/gif");
    assertThat(ImageUploader.contentType("RIFF\0\0\0\0WEBPVP8 ".getBytes()))
        .contains("image/webp");
    assertThat(ImageUploader.contentType("<svg/>".getBytes())).isEmpty();
  }
}

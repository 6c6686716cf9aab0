package dev.newsroom.cli.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void read_whenEveryFieldIsGiven_keepsThemAndTheBodyAsWritten() throws IOException {
    Files.write(dir.resolve("quay.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
    Path file = write("harbour-reopens.md", """
        ---
        title: Harbour reopens
        summary: "Ferries run again: all of them."
        author: Ann Editor
        tags: [local, transport]
        hero: ./quay.jpg
        heroAlt: Ferry at the quay
        publish: true
        newsletter: true
        publishedAt: 2026-11-30T08:00:00Z
        ---
        The **harbour** is open.

        ![The timetable](https://example.org/t.png)
        """);

    ArticleFile article = ArticleFiles.read(file);

    assertThat(article.slug()).isEqualTo("harbour-reopens");
    FrontMatter meta = article.meta();
    assertThat(meta.title()).isEqualTo("Harbour reopens");
    assertThat(meta.summary()).isEqualTo("Ferries run again: all of them.");
    assertThat(meta.author()).isEqualTo("Ann Editor");
    assertThat(meta.tags()).containsExactly("local", "transport");
    assertThat(meta.publish()).isTrue();
    assertThat(meta.newsletter()).isTrue();
    assertThat(meta.publishedAt()).isEqualTo("2026-11-30T08:00:00Z");
    assertThat(article.body()).isEqualTo(
        "The **harbour** is open.\n\n![The timetable](https://example.org/t.png)\n");
    assertThat(article.images()).containsOnlyKeys("./quay.jpg");
    assertThat(article.images().get("./quay.jpg")).isEqualTo(dir.resolve("quay.jpg"));
  }

  @Test
  void read_whenSlugAndSingleTagAreGivenWithCrLfLines_takesThem() throws IOException {
    Path file = write("Draft Notes.md",
        "\uFEFF---\r\ntitle: Notes\r\nauthor: Bo\r\nslug: notes-2026\r\ntags: local\r\n---\r\nText.\r\n");

    ArticleFile article = ArticleFiles.read(file);

    assertThat(article.slug()).isEqualTo("notes-2026");
    assertThat(article.meta().tags()).containsExactly("local");
    assertThat(article.body()).isEqualTo("Text.\r\n");
  }

  @Test
  void read_whenThereIsNoFrontMatter_namesWhatIsExpected() throws IOException {
    Path file = write("plain.md", "# Just a heading\n\nText.\n");

    assertThatThrownBy(() -> ArticleFiles.read(file))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("no front matter")
        .satisfies(e -> assertThat(((InvalidFileException) e).file()).isEqualTo(file));
  }

  @Test
  void read_whenTheFrontMatterIsNotClosed_saysSo() throws IOException {
    Path file = write("open.md", "---\ntitle: Open\nauthor: A\nText.\n");

    assertThatThrownBy(() -> ArticleFiles.read(file)).hasMessageContaining("no closing '---'");
  }

  @Test
  void read_whenAFieldIsMisspelt_namesItAndTheKnownFields() throws IOException {
    Path file = write("typo.md", "---\ntitel: Harbour\nauthor: A\n---\nText.\n");

    assertThatThrownBy(() -> ArticleFiles.read(file))
        .hasMessageContaining("unknown field 'titel'")
        .hasMessageContaining("title, summary, author");
  }

  @Test
  void read_whenTheYamlIsBroken_givesTheLineInTheFile() throws IOException {
    Path file = write("broken.md", "---\ntitle: Harbour\nauthor: \"Ann\n---\nText.\n");
    Path list = write("list.md", "---\ntitle: Harbour\nauthor: [Ann, Bo]\n---\nText.\n");

    assertThatThrownBy(() -> ArticleFiles.read(file))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("front matter line 3: not valid YAML: found unexpected end of stream"
            + " (while scanning a quoted scalar)");
    assertThatThrownBy(() -> ArticleFiles.read(list))
        .hasMessageStartingWith("front matter line 3: author: expected text");
  }

  @Test
  void read_whenAFieldHasTheWrongShape_namesTheField() throws IOException {
    Path file = write("shape.md", "---\ntitle: Harbour\nauthor: A\ntags: {a: b}\n---\nText.\n");

    assertThatThrownBy(() -> ArticleFiles.read(file)).hasMessageContaining(": tags: expected");
  }

  @Test
  void read_whenTitleOrBodyIsMissing_saysWhich() throws IOException {
    Path noTitle = write("a.md", "---\nauthor: A\n---\nText.\n");
    Path noBody = write("b.md", "---\ntitle: T\nauthor: A\n---\n\n  \n");

    assertThatThrownBy(() -> ArticleFiles.read(noTitle)).hasMessage("front matter: title: is required");
    assertThatThrownBy(() -> ArticleFiles.read(noBody)).hasMessageContaining("no body");
  }

  @Test
  void read_whenTheFileNameIsNoSlug_asksForOne() throws IOException {
    Path file = write("Harbour Reopens.md", "---\ntitle: T\nauthor: A\n---\nText.\n");

    assertThatThrownBy(() -> ArticleFiles.read(file))
        .hasMessageContaining("the slug 'Harbour Reopens' (from the file name)");
  }

  @Test
  void read_whenHeroHasNoAltOrBothPublishFieldsAreSet_refuses() throws IOException {
    Path noAlt = write("a.md", "---\ntitle: T\nauthor: A\nhero: https://x.org/a.jpg\n---\nText.\n");
    Path both = write("b.md", "---\ntitle: T\nauthor: A\npublish: true\n"
        + "publishAt: 2026-12-24T09:00:00Z\n---\nText.\n");
    Path badDate = write("c.md", "---\ntitle: T\nauthor: A\npublishAt: tomorrow\n---\nText.\n");

    assertThatThrownBy(() -> ArticleFiles.read(noAlt)).hasMessageContaining("heroAlt");
    assertThatThrownBy(() -> ArticleFiles.read(both)).hasMessageContaining("not both");
    assertThatThrownBy(() -> ArticleFiles.read(badDate))
        .hasMessageContaining("'tomorrow' is not a date");
  }

  @Test
  void read_whenALocalImageIsMissingOrHasNoAlt_refusesBeforeAnyUpload() throws IOException {
    Path missing = write("a.md", "---\ntitle: T\nauthor: A\n---\n![Quay](./gone.jpg)\n");
    Files.write(dir.resolve("here.jpg"), new byte[] {1});
    Path noAlt = write("b.md", "---\ntitle: T\nauthor: A\n---\n![](./here.jpg)\n");

    assertThatThrownBy(() -> ArticleFiles.read(missing)).hasMessageContaining("./gone.jpg is not there");
    assertThatThrownBy(() -> ArticleFiles.read(noAlt)).hasMessageContaining("has no alt text");
  }

  @Test
  void expand_whenGivenAFolder_takesItsMarkdownFilesInOrder() throws IOException {
    Path b = write("posts/b.md", "x");
    Path a = write("posts/a.md", "x");
    write("posts/photo.jpg", "x");
    write("posts/sub/c.md", "x");

    assertThat(ArticleFiles.expand(List.of(dir.resolve("posts"), a))).containsExactly(a, b);
    assertThatThrownBy(() -> ArticleFiles.expand(List.of(dir.resolve("nope.md"))))
        .hasMessage("no such file or folder");
  }
}

package dev.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/*.md leads to a file of the repository and, when it
 * names an anchor, to a heading of that file (GitHub's heading ids), so moving or renaming a
 * document or a section fails here instead of leaving a dead link.
 */
class DocsLinksTest {

  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*$");

  @Test
  void relativeLinks_whenFollowed_leadToAFileAndHeadingThatExist() throws IOException {
    Path root = repositoryRoot();
    List<Path> documents = new ArrayList<>();
    documents.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }

    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path document : documents) {
      for (String target : links(document)) {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue; // https:, mailto:...
        }
        checked++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? document
            : document.getParent().resolve(file).normalize();
        if (!resolved.startsWith(root) || !Files.exists(resolved)) {
          broken.add(root.relativize(document) + ": " + target + " (no such file)");
        } else if (hash >= 0 && resolved.toString().endsWith(".md")
            && !headingIds(resolved).contains(target.substring(hash + 1))) {
          broken.add(root.relativize(document) + ": " + target + " (no such heading)");
        }
      }
    }

    assertThat(checked).as("relative links found").isGreaterThan(10);
    assertThat(broken).isEmpty();
  }

  @Test
  void headingIds_whenPunctuated_followGitHub() {
    assertThat(id("3. The first editor key")).isEqualTo("3-the-first-editor-key");
    assertThat(id("Behind CloudFront: client addresses and editor keys"))
        .isEqualTo("behind-cloudfront-client-addresses-and-editor-keys");
    assertThat(id("Reliability and security (`infra-tests`, `*Test`, surefire)"))
        .isEqualTo("reliability-and-security-infra-tests-test-surefire");
  }

  /** Links outside code: fenced blocks and inline code spans show syntax, not links. */
  private static List<String> links(Path document) throws IOException {
    List<String> targets = new ArrayList<>();
    for (String line : prose(document)) {
      Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (m.find()) {
        targets.add(m.group(1));
      }
    }
    return targets;
  }

  private static Set<String> headingIds(Path document) throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line : prose(document)) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        String id = id(m.group(1));
        // GitHub numbers repeated headings: the second "Tests" is tests-1.
        String unique = id;
        for (int n = 1; !ids.add(unique); n++) {
          unique = id + "-" + n;
        }
      }
    }
    return ids;
  }

  /** The lines of a Markdown file outside fenced code blocks. */
  private static List<String> prose(Path document) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(document)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** GitHub's heading id: lower case, punctuation dropped, spaces to hyphens. */
  private static String id(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("README.md"))
        && Files.isDirectory(dir.resolve("docs")))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a folder above the working directory with README.md and docs/")
        .isNotNull();
    return dir;
  }
}

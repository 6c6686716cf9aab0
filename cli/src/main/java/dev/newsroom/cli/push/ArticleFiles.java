package dev.newsroom.cli.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.newsroom.articles.Slugs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads article files: YAML front matter between {@code ---} lines, then the Markdown body. Every
 * problem is found here, before anything is uploaded or written, and named with the file.
 */
public final class ArticleFiles {

  /** Larger than any body the API takes (200,000 characters), small enough to read whole. */
  private static final long MAX_FILE_BYTES = 1_000_000;
  private static final Pattern DELIMITER = Pattern.compile("\\R?^---[ \\t]*$\\R?",
      Pattern.MULTILINE);

  private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .build();

  private ArticleFiles() {}

  /** The files named: {@code .md} files as given, folders for the {@code .md} files in them. */
  public static List<Path> expand(List<Path> arguments) {
    Stream.Builder<Path> files = Stream.builder();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        try (Stream<Path> listing = Files.list(argument)) {
          listing.filter(p -> p.getFileName().toString().endsWith(".md"))
              .filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new InvalidFileException(argument, "cannot list the folder: " + e.getMessage());
        }
      } else if (Files.isRegularFile(argument)) {
        files.add(argument);
      } else {
        throw new InvalidFileException(argument, "no such file or folder");
      }
    }
    return files.build().distinct().collect(Collectors.toList());
  }

  public static ArticleFile read(Path file) {
    String text = text(file);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    var delimiters = DELIMITER.matcher(text);
    if (!delimiters.find() || delimiters.start() != 0) {
      throw new InvalidFileException(file, "no front matter: the file must start with a line "
          + "'---', then title:, author: and the other fields, then '---'");
    }
    int yamlStart = delimiters.end();
    if (!delimiters.find()) {
      throw new InvalidFileException(file, "the front matter has no closing '---' line");
    }
    String yaml = text.substring(yamlStart, delimiters.start());
    String body = text.substring(delimiters.end());
    FrontMatter meta = frontMatter(file, yaml);
    String slug = meta.slug() != null ? meta.slug().strip()
        : file.getFileName().toString().replaceFirst("\\.md$", "");
    check(file, slug, meta, body);
    return new ArticleFile(file, slug, meta, body, localImages(file, meta, body));
  }

  private static String text(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidFileException(file, "the file is over 1 MB");
      }
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidFileException(file, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new InvalidFileException(file, "cannot read the file: " + e.getMessage());
    }
  }

  private static FrontMatter frontMatter(Path file, String yaml) {
    FrontMatter meta;
    try {
      meta = YAML.readValue(yaml, FrontMatter.class);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidFileException(file, "front matter: unknown field '"
          + e.getPropertyName() + "' (the fields are " + String.join(", ", FrontMatter.FIELDS)
          + ")");
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "the front matter"
          : e.getPath().get(0).getFieldName();
      throw new InvalidFileException(file, "front matter" + line(e) + ": " + field + ": "
          + expected(e.getTargetType()));
    } catch (JsonMappingException e) {
      throw new InvalidFileException(file, "front matter" + line(e) + ": "
          + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        // The YAML starts on the file's second line; marks count from 0.
        throw new InvalidFileException(file, "front matter line "
            + (marked.getProblemMark().getLine() + 2) + ": not valid YAML: " + marked.getProblem()
            + (marked.getContext() == null ? "" : " (" + marked.getContext() + ")"));
      }
      throw new InvalidFileException(file, "front matter" + line(e) + ": not valid YAML: "
          + firstLine(e.getOriginalMessage()));
    }
    if (meta == null) {
      throw new InvalidFileException(file, "the front matter is empty; it needs title: and "
          + "author: at least");
    }
    return meta;
  }

  private static String expected(Class<?> type) {
    if (type == String.class) {
      return "expected text (put quotes around text that starts with [, { or *)";
    }
    if (type == Boolean.class) {
      return "expected true or false";
    }
    if (type != null && List.class.isAssignableFrom(type)) {
      return "expected a list such as [local, transport]";
    }
    return "expected field: value lines";
  }

  /** The line in the file: the YAML starts on its second line. */
  private static String line(JsonProcessingException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : " line " + (e.getLocation().getLineNr() + 1);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("").strip();
  }

  private static void check(Path file, String slug, FrontMatter meta, String body) {
    if (!Slugs.isSlug(slug)) {
      throw new InvalidFileException(file, "the slug '" + slug + "' (from "
          + (meta.slug() != null ? "slug:" : "the file name") + ") must be 1-120 characters of"
          + " a-z, 0-9 and single hyphens; name the file so or set slug:");
    }
    require(file, "title", meta.title());
    require(file, "author", meta.author());
    if (body.isBlank()) {
      throw new InvalidFileException(file, "the article has no body after the front matter");
    }
    if (meta.hero() != null && (meta.heroAlt() == null || meta.heroAlt().isBlank())) {
      throw new InvalidFileException(file, "front matter: hero: needs heroAlt:, the text that"
          + " says what the image shows");
    }
    if (Boolean.TRUE.equals(meta.publish()) && meta.publishAt() != null) {
      throw new InvalidFileException(file, "front matter: give publish: true or publishAt:,"
          + " not both");
    }
    for (String date : new String[] {meta.publishAt(), meta.publishedAt()}) {
      if (date != null) {
        try {
          OffsetDateTime.parse(date.strip());
        } catch (DateTimeParseException e) {
          throw new InvalidFileException(file, "front matter: '" + date + "' is not a date and"
              + " time such as 2026-12-03T09:00:00Z");
        }
      }
    }
  }

  private static void require(Path file, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidFileException(file, "front matter: " + field + ": is required");
    }
  }

  /** Local image links (hero and body), each checked: the file exists and has alt text. */
  private static Map<String, Path> localImages(Path file, FrontMatter meta, String body) {
    Map<String, Path> images = new LinkedHashMap<>();
    Path folder = file.toAbsolutePath().getParent();
    if (meta.hero() != null && MarkdownImages.isLocal(meta.hero())) {
      images.put(meta.hero(), existing(file, folder, meta.hero()));
    }
    for (MarkdownImages.ImageLink link : MarkdownImages.images(body)) {
      if (!MarkdownImages.isLocal(link.destination())) {
        continue;
      }
      if (link.alt().isEmpty()) {
        throw new InvalidFileException(file, "the image " + link.destination() + " has no alt"
            + " text: write ![what it shows](" + link.destination() + ")");
      }
      images.put(link.destination(), existing(file, folder, link.destination()));
    }
    // Every link must be rewritable; better to know before anything is uploaded.
    try {
      MarkdownImages.rewrite(body, Map.copyOf(images.keySet().stream()
          .collect(Collectors.toMap(d -> d, d -> d))));
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(file, e.getMessage());
    }
    return images;
  }

  private static Path existing(Path file, Path folder, String link) {
    Path image;
    try {
      image = folder.resolve(link).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidFileException(file, "the image link " + link + " is not a file path");
    }
    if (!Files.isRegularFile(image)) {
      throw new InvalidFileException(file, "the image " + link + " is not there (" + image + ")");
    }
    return image;
  }
}

package dev.newsroom.cli.push;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The images of a Markdown body, found by a CommonMark parser (so an example inside a code block
 * is not an image), and their links rewritten in the source text, which is otherwise kept byte
 * for byte.
 */
public final class MarkdownImages {

  /** A URI scheme ({@code https:}, {@code data:}), a site path or a fragment: not a local file. */
  private static final Pattern NOT_LOCAL = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:|[/#?]).*",
      Pattern.DOTALL);

  private static final Parser PARSER = Parser.builder()
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .build();

  /** An image as written: its link and its alt text. */
  public record ImageLink(String destination, String alt) {}

  private MarkdownImages() {}

  public static boolean isLocal(String destination) {
    return !destination.isBlank() && !NOT_LOCAL.matcher(destination).matches();
  }

  /** Every image of the body, local or not, in order. */
  public static List<ImageLink> images(String markdown) {
    List<ImageLink> links = new ArrayList<>();
    PARSER.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(Image image) {
        links.add(new ImageLink(image.getDestination(), altText(image)));
      }
    });
    return links;
  }

  /**
   * The body with each image link found in {@code replacements} replaced; a reference-style
   * image has its reference definition rewritten.
   *
   * @throws IllegalArgumentException when a link cannot be located in the source (for example
   *     written with escapes), rather than leave it pointing at a local file
   */
  public static String rewrite(String markdown, Map<String, String> replacements) {
    Node document = PARSER.parse(markdown);
    Map<String, List<int[]>> definitions = new HashMap<>();
    List<Node> images = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Image image) {
        if (replacements.containsKey(image.getDestination())) {
          images.add(image);
        }
        visitChildren(image);
      }

      @Override
      public void visit(LinkReferenceDefinition definition) {
        definitions.computeIfAbsent(definition.getDestination(), d -> new ArrayList<>())
            .add(range(definition));
      }
    });
    List<Edit> edits = new ArrayList<>();
    for (Node node : images) {
      String destination = ((Image) node).getDestination();
      int[] range = range(node);
      // Inline, "](" follows the alt text, then the link; a title after it may repeat the words.
      int altEnd = node.getLastChild() == null ? range[0] + 2 : range(node.getLastChild())[1];
      if (markdown.startsWith("](", altEnd)) {
        int at = markdown.substring(0, range[1]).indexOf(destination, altEnd + 2);
        if (at < 0) {
          throw new IllegalArgumentException("cannot rewrite the image link " + destination
              + "; write it plainly, as ![alt](" + destination + ")");
        }
        edits.add(new Edit(at, destination, replacements.get(destination)));
        continue;
      }
      List<int[]> defined = definitions.getOrDefault(destination, List.of());
      for (int[] definition : defined) {
        int in = markdown.substring(definition[0], definition[1]).indexOf(destination);
        if (in >= 0) {
          edits.add(new Edit(definition[0] + in, destination, replacements.get(destination)));
        }
      }
      if (defined.isEmpty()) {
        throw new IllegalArgumentException("cannot rewrite the image link " + destination
            + "; write it plainly, as ![alt](" + destination + ")");
      }
    }
    StringBuilder out = new StringBuilder(markdown);
    edits.stream().distinct().sorted(Comparator.comparingInt(Edit::at).reversed())
        .forEach(e -> out.replace(e.at(), e.at() + e.from().length(), e.to()));
    return out.toString();
  }

  private record Edit(int at, String from, String to) {}

  /** From the first character of the node's first span to the end of its last. */
  private static int[] range(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    SourceSpan first = spans.get(0);
    SourceSpan last = spans.get(spans.size() - 1);
    return new int[] {first.getInputIndex(), last.getInputIndex() + last.getLength()};
  }

  private static String altText(Image image) {
    StringBuilder alt = new StringBuilder();
    image.accept(new AbstractVisitor() {
      @Override
      public void visit(Text text) {
        alt.append(text.getLiteral());
      }

      @Override
      public void visit(Code code) {
        alt.append(code.getLiteral());
      }
    });
    return alt.toString().strip();
  }
}

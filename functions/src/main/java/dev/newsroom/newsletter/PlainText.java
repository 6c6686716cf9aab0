package dev.newsroom.newsletter;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text/plain rendering of email HTML: paragraphs apart, list items as "- ", links followed by
 * their URL (a text reader cannot click the words), images by their alternative text.
 */
final class PlainText implements NodeVisitor {

  private final StringBuilder out = new StringBuilder();
  private int preDepth;

  private PlainText() {}

  static String of(Element element) {
    PlainText text = new PlainText();
    element.traverse(text);
    return tidy(text.out.toString());
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode text) {
      if (preDepth > 0) {
        out.append(text.getWholeText());
      } else {
        String words = text.text().replaceAll("\\s+", " ");
        boolean spaced = out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1));
        out.append(spaced ? words.stripLeading() : words);
      }
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    switch (element.normalName()) {
      case "br" -> out.append('\n');
      case "li" -> out.append("\n- ");
      case "pre" -> {
        preDepth++;
        out.append("\n\n");
      }
      case "img" -> {
        String alt = element.attr("alt").strip();
        if (!alt.isEmpty()) {
          out.append('[').append(alt).append(']');
        }
      }
      case "td", "th" -> out.append(' ');
      default -> {
        if (element.isBlock()) {
          out.append("\n\n");
        }
      }
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (!(node instanceof Element element)) {
      return;
    }
    switch (element.normalName()) {
      case "a" -> {
        String href = element.attr("href");
        if (!href.isEmpty() && !href.equals(element.text().strip())) {
          out.append(" (").append(href.startsWith("mailto:") ? href.substring(7) : href)
              .append(')');
        }
      }
      case "pre" -> {
        preDepth--;
        out.append("\n\n");
      }
      case "li" -> {
        // the next item, or the list's end, starts its own line
      }
      default -> {
        if (element.isBlock()) {
          out.append("\n\n");
        }
      }
    }
  }

  /**
   * Lines without trailing spaces, at most one blank line in a row, none at either end; leading
   * spaces stay (a {@code pre} block's indentation).
   */
  private static String tidy(String text) {
    return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n")
        .replaceAll("^\\n+|\\s+$", "");
  }
}

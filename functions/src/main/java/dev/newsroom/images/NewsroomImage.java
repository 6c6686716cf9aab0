package dev.newsroom.images;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL or site path that points at one of Newsroom's own images, read back into what a page
 * needs: the {@code srcset} over every rendition, and the intrinsic {@code width} and
 * {@code height} that reserve the image's space before it loads.
 *
 * @param origin {@code https://host} for an absolute URL, empty for a site path
 */
public record NewsroomImage(String origin, String id, int width, int height, String extension) {

  private static final Pattern URL = Pattern.compile(
      "^((?:https?://[A-Za-z0-9.-]+(?::\\d{1,5})?)?)/images/([A-Za-z0-9_-]{22})-(\\d{1,4})x(\\d{1,5})"
          + "/(\\d{1,4})\\.(jpg|png)$");

  /** Empty for anything else, external images included: those keep rendering as they are. */
  public static Optional<NewsroomImage> parse(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      return Optional.empty();
    }
    int width = Integer.parseInt(m.group(3));
    int height = Integer.parseInt(m.group(4));
    int rendition = Integer.parseInt(m.group(5));
    if (width < 1 || width > Renditions.MAX_WIDTH || height < 1
        || !Renditions.widths(width).contains(rendition)) {
      return Optional.empty();
    }
    return Optional.of(new NewsroomImage(m.group(1), m.group(2), width, height, m.group(6)));
  }

  /** Whether {@code path} is a site path ({@code /images/...}) of a Newsroom image. */
  public static boolean isSitePath(String path) {
    return parse(path).filter(image -> image.origin().isEmpty()).isPresent();
  }

  /**
   * The same image served from {@code origin} ({@code https://host}): for what is read away from
   * the site, such as feeds and emails, where a site path points nowhere.
   */
  public NewsroomImage at(String origin) {
    return new NewsroomImage(origin, id, width, height, extension);
  }

  /** The largest rendition: the {@code src} for browsers without {@code srcset}. */
  public String src() {
    return url(width);
  }

  public String srcset() {
    StringJoiner set = new StringJoiner(", ");
    for (int w : widths()) {
      set.add(url(w) + " " + w + "w");
    }
    return set.toString();
  }

  public List<Integer> widths() {
    return Renditions.widths(width);
  }

  /** The rendition {@code w} pixels wide, one of {@link #widths()}. */
  public String url(int w) {
    return origin + "/" + Renditions.key(id, width, height, w, extension);
  }
}

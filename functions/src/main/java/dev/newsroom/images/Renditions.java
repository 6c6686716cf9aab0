package dev.newsroom.images;

import java.util.ArrayList;
import java.util.List;

/**
 * The widths an image is served at, and where each lives. Every rendition's path names the
 * image's id and the size of its largest rendition, {@code /images/<id>-<W>x<H>/<w>.<ext>}, so a
 * page can write {@code srcset}, {@code width} and {@code height} from any one of its URLs without
 * asking anyone: the set of widths follows from W alone.
 */
public final class Renditions {

  /** Ghost's widths: a phone, a tablet, a laptop and a wide or high-density screen. */
  static final int[] WIDTHS = {600, 1000, 1600, 2000};
  public static final int MAX_WIDTH = 2000;
  public static final String PREFIX = "images/";

  private Renditions() {}

  /** The widths for an image {@code width} pixels wide: never wider than the image itself. */
  public static List<Integer> widths(int width) {
    int largest = Math.min(width, MAX_WIDTH);
    List<Integer> widths = new ArrayList<>();
    for (int w : WIDTHS) {
      if (w < largest) {
        widths.add(w);
      }
    }
    widths.add(largest);
    return widths;
  }

  /** The height at {@code width} of an image {@code fullWidth} × {@code fullHeight}. */
  public static int height(int width, int fullWidth, int fullHeight) {
    return Math.max(1, (int) Math.round((double) fullHeight * width / fullWidth));
  }

  /** The bucket key of one rendition ({@code images/...}, no leading slash). */
  static String key(String id, int largestWidth, int largestHeight, int width, String extension) {
    return PREFIX + id + "-" + largestWidth + "x" + largestHeight + "/" + width + "." + extension;
  }
}

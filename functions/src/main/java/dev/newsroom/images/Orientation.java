package dev.newsroom.images;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF orientation of a JPEG (1 to 8), applied to the decoded pixels: the output carries no
 * metadata, so the rotation a camera recorded must be in the pixels themselves.
 */
final class Orientation {

  static final int NORMAL = 1;

  private Orientation() {}

  static int of(byte[] jpeg) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return NORMAL;
      }
      byte[] data = exif.get(0).data().readAllBytes();
      // After the "Exif" identifier's terminator comes one pad byte, then the TIFF header.
      int start = data.length > 1 && data[0] == 0 ? 1 : 0;
      try (ImageInputStream tiff = ImageIO.createImageInputStream(
          new ByteArrayInputStream(data, start, data.length - start))) {
        Directory directory = new TIFFReader().read(tiff);
        Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
        if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1
            && n.intValue() <= 8) {
          return n.intValue();
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // Broken EXIF is only metadata, and it is dropped: the pixels are shown as stored.
    }
    return NORMAL;
  }

  /** Orientations 5 to 8 turn the image by a quarter: width and height swap. */
  static boolean swapsAxes(int orientation) {
    return orientation >= 5;
  }

  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation == NORMAL) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
      case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
      case 4 -> { t.translate(0, h); t.scale(1, -1); }
      case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
      case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
      case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
      case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
      default -> { return image; }
    }
    BufferedImage turned = new BufferedImage(swapsAxes(orientation) ? h : w,
        swapsAxes(orientation) ? w : h, image.getType());
    return new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, turned);
  }
}

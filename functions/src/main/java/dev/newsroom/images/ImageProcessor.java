package dev.newsroom.images;

import com.twelvemonkeys.image.ResampleOp;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Checks an upload and turns it into web renditions. In order: size, format from the bytes,
 * the declared type, the structure's end (truncation, polyglots), the pixel dimensions read from
 * the header (so a decompression bomb is refused before a pixel is allocated), then decoding,
 * orientation, resampling and encoding. Nothing of the original's metadata survives: the outputs
 * are encoded from pixels alone.
 */
public final class ImageProcessor implements ImageArrivals.Processing {

  /** 20 MiB: a full-size photo from a modern phone fits with room to spare. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;
  /** On either side. 8000 × 8000 decodes to 256 MB of pixels, the most the function allows for. */
  public static final int MAX_SIDE = 8000;
  private static final float JPEG_QUALITY = 0.82f;

  static {
    // No disk cache: decoding from memory, in /tmp-less sandboxes too.
    ImageIO.setUseCache(false);
  }

  /** Accepts the image or throws with the reason. */
  @Override
  public ProcessedImage process(byte[] bytes, String declaredType) throws ImageRefusedException {
    if (bytes.length > MAX_BYTES) {
      throw new ImageRefusedException("The file is over 20 MB.");
    }
    ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new ImageRefusedException(
        "The file is not a JPEG, PNG, GIF or WebP image."));
    if (!format.contentType().equalsIgnoreCase(declaredType)) {
      throw new ImageRefusedException("The file is a " + format.name() + " image, but it was "
          + "declared as " + declaredType + ".");
    }
    ImageEnd.check(format, bytes);
    int orientation = format == ImageFormat.JPEG ? Orientation.of(bytes) : Orientation.NORMAL;
    BufferedImage pixels = decode(format, bytes, orientation);
    pixels = Orientation.apply(pixels, orientation);
    return encode(pixels, format);
  }

  private static BufferedImage decode(ImageFormat format, byte[] bytes, int orientation)
      throws ImageRefusedException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + format);
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width > MAX_SIDE || height > MAX_SIDE) {
        throw new ImageRefusedException("The image is " + width + " × " + height
            + " pixels; the most is " + MAX_SIDE + " on a side.");
      }
      int displayWidth = Orientation.swapsAxes(orientation) ? height : width;
      ImageReadParam param = reader.getDefaultReadParam();
      // Decode at no more than twice the widest output: a quarter of the memory for a very
      // large photo, and Lanczos still has every second pixel to work from.
      int step = Math.max(1, displayWidth / (2 * Renditions.MAX_WIDTH));
      if (step > 1) {
        param.setSourceSubsampling(step, step, 0, 0);
      }
      return reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      throw new ImageRefusedException("The image could not be decoded: the file is damaged or "
          + "uses a variant of " + format.name() + " that is not supported.");
    } finally {
      reader.dispose();
    }
  }

  private static ProcessedImage encode(BufferedImage decoded, ImageFormat format)
      throws ImageRefusedException {
    boolean alpha = decoded.getColorModel().hasAlpha();
    // Opaque images become JPEG, the smallest for photos; transparency needs PNG.
    String type = alpha ? "image/png" : "image/jpeg";
    String extension = alpha ? "png" : "jpg";
    BufferedImage source = toRgb(decoded, alpha);
    int fullWidth = source.getWidth();
    int fullHeight = source.getHeight();
    int largest = Math.min(fullWidth, Renditions.MAX_WIDTH);
    int largestHeight = Renditions.height(largest, fullWidth, fullHeight);
    List<ProcessedImage.Output> outputs = new ArrayList<>();
    List<Integer> widths = Renditions.widths(fullWidth);
    // Largest first, each from the one before: the big decode is resampled once, not four times.
    BufferedImage previous = source;
    try {
      for (int i = widths.size() - 1; i >= 0; i--) {
        int width = widths.get(i);
        int height = width == largest ? largestHeight
            : Renditions.height(width, largest, largestHeight);
        BufferedImage scaled = width == previous.getWidth() ? previous
            : toRgb(new ResampleOp(width, height, ResampleOp.FILTER_LANCZOS).filter(previous,
                null), alpha);
        outputs.add(0, new ProcessedImage.Output(width, height, write(scaled, alpha)));
        previous = scaled;
      }
    } catch (IOException e) {
      throw new IllegalStateException("encoding failed", e);
    }
    return new ProcessedImage(largest, largestHeight, type, extension, outputs);
  }

  /** A plain (A)RGB copy: what the JDK's encoders write without surprises (CMYK arrives as RGB). */
  private static BufferedImage toRgb(BufferedImage image, boolean alpha) {
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    if (image.getType() == type) {
      return image;
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), type);
    Graphics2D g = rgb.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static byte[] write(BufferedImage image, boolean alpha) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(alpha ? "png" : "jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (!alpha) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}

package dev.newsroom.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The kept set of good and bad files, made in code rather than committed as binaries: each is a
 * few lines here and its intent is readable.
 */
public final class TestImages {

  private TestImages() {}

  /** A two-tone picture (left half red), so orientation and scaling can be checked by colour. */
  public static BufferedImage picture(int width, int height, boolean alpha) {
    BufferedImage image = new BufferedImage(width, height,
        alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(alpha ? new Color(0, 0, 255, 128) : Color.BLUE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    return image;
  }

  public static byte[] jpeg(int width, int height) {
    return encode(picture(width, height, false), "jpeg");
  }

  public static byte[] png(int width, int height) {
    return encode(picture(width, height, true), "png");
  }

  public static byte[] gif(int width, int height) {
    return encode(picture(width, height, false), "gif");
  }

  public static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A CMYK JPEG (four channels, Adobe APP14 marker saying "no colour transform", as Photoshop
   * writes them): the JDK's own reader cannot decode it.
   */
  public static byte[] cmykJpeg(int width, int height) {
    WritableRaster raster = Raster.createInterleavedRaster(
        java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        // Adobe stores ink inverted (255 = none). Left half magenta + yellow (red), right half
        // cyan + magenta (blue).
        raster.setPixel(x, y, x < width / 2 ? new int[] {255, 0, 0, 255}
            : new int[] {0, 0, 255, 255});
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    byte[] raw = bytes.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(raw, 0, 2);
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100,
        0, 0, 0, 0, 0});
    out.write(raw, 2, raw.length - 2);
    return out.toByteArray();
  }

  /** An ASCII camera maker tag, easy to look for in output bytes. */
  public static final String MAKER_MARK = "LeakyCam GPS 51.5N";

  /**
   * A JPEG with an EXIF APP1 segment after SOI: IFD0 holds Make, Orientation and a pointer to a
   * GPS IFD with a latitude.
   */
  public static byte[] jpegWithExif(int width, int height, int orientation) {
    byte[] jpeg = jpeg(width, height);
    byte[] make = (MAKER_MARK + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer tiff = ByteBuffer.allocate(256).order(ByteOrder.BIG_ENDIAN);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    int ifd0Entries = 3;
    int ifd0Size = 2 + ifd0Entries * 12 + 4;
    int makeAt = 8 + ifd0Size;
    int gpsAt = makeAt + make.length;
    tiff.putShort((short) ifd0Entries);
    entry(tiff, 0x010F, 2, make.length, makeAt); // Make, ASCII
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1)
        .putShort((short) orientation).putShort((short) 0); // Orientation, SHORT
    entry(tiff, 0x8825, 4, 1, gpsAt); // GPS IFD pointer
    tiff.putInt(0);
    tiff.put(make);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2)
        .put((byte) 'N').put((byte) 0).putShort((short) 0); // GPSLatitudeRef "N"
    entry(tiff, 0x0002, 5, 3, gpsAt + 2 + 2 * 12 + 4); // GPSLatitude, 3 RATIONALs
    tiff.putInt(0);
    tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
    byte[] tiffBytes = Arrays.copyOf(tiff.array(), tiff.position());
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + header.length + tiffBytes.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(header);
    out.writeBytes(tiffBytes);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int offset) {
    b.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
  }

  /** JPEG bytes, then an HTML page: a browser sniffing it as HTML would run the script. */
  public static byte[] polyglot() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(jpeg(64, 64));
    out.writeBytes("<html><script>alert(document.cookie)</script></html>"
        .getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  public static byte[] svgWithScript() {
    return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
        + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] truncatedJpeg() {
    byte[] whole = jpeg(400, 300);
    return Arrays.copyOf(whole, whole.length / 2);
  }

  /**
   * A decompression bomb: a valid PNG of a few hundred bytes whose header says 50,000 × 50,000
   * (10 GB of pixels once decoded). Its data is one compressed run of zeros.
   */
  public static byte[] decompressionBomb() {
    int side = 50_000;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(side).putInt(side)
        .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    Deflater deflater = new Deflater(9);
    deflater.setInput(new byte[1 << 20]);
    deflater.finish();
    byte[] buffer = new byte[1 << 16];
    int n = deflater.deflate(buffer);
    chunk(out, "IDAT", Arrays.copyOf(buffer, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  public static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}

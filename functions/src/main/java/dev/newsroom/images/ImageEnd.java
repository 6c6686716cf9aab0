package dev.newsroom.images;

/**
 * Where an image's own structure ends, found by walking its segments, chunks or blocks. A file
 * that goes on past that point carries something else (a polyglot: an image that is also HTML or
 * a script), and one that stops before it is truncated. Decoders tolerate both, so this is checked
 * before any decoding.
 */
final class ImageEnd {

  static final String TRUNCATED = "The file is truncated: the image ends before its last part.";
  static final String TRAILING = "The file has data after the end of the image (a polyglot file?).";

  private ImageEnd() {}

  /** Refuses a truncated, malformed or padded file. */
  static void check(ImageFormat format, byte[] b) throws ImageRefusedException {
    long end = switch (format) {
      case JPEG -> jpeg(b);
      case PNG -> png(b);
      case GIF -> gif(b);
      case WEBP -> webp(b);
    };
    if (end > b.length) {
      throw new ImageRefusedException(TRUNCATED);
    }
    if (end < b.length) {
      throw new ImageRefusedException(TRAILING);
    }
  }

  /** Markers after SOI, each with a length, until EOI; after each SOS, entropy-coded data. */
  private static long jpeg(byte[] b) throws ImageRefusedException {
    int i = 2;
    while (true) {
      if (i >= b.length) {
        return b.length + 1L;
      }
      if ((b[i] & 0xFF) != 0xFF) {
        throw malformed(ImageFormat.JPEG);
      }
      while (i < b.length && (b[i] & 0xFF) == 0xFF) {
        i++;
      }
      if (i >= b.length) {
        return b.length + 1L;
      }
      int marker = b[i++] & 0xFF;
      if (marker == 0xD9) {
        return i;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue;
      }
      if (i + 2 > b.length) {
        return b.length + 1L;
      }
      int length = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
      if (length < 2) {
        throw malformed(ImageFormat.JPEG);
      }
      i += length;
      if (marker == 0xDA) {
        i = entropyCodedEnd(b, i);
      }
    }
  }

  /** Scan data ends at the first marker that is neither a stuffed 0xFF00 nor a restart marker. */
  private static int entropyCodedEnd(byte[] b, int i) {
    while (i + 1 < b.length) {
      if ((b[i] & 0xFF) == 0xFF) {
        int next = b[i + 1] & 0xFF;
        if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
          return i;
        }
        i += next == 0xFF ? 1 : 2;
      } else {
        i++;
      }
    }
    return b.length;
  }

  /** Chunks (length, type, data, CRC) after the signature, until IEND. */
  private static long png(byte[] b) {
    long i = 8;
    while (i + 8 <= b.length) {
      int at = (int) i;
      long length = ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16)
          | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
      boolean iend = b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D';
      i += 12 + length;
      if (iend) {
        return i;
      }
    }
    return b.length + 1L;
  }

  /** Header, screen descriptor, colour table, then extensions and images until the trailer. */
  private static long gif(byte[] b) throws ImageRefusedException {
    if (b.length < 13) {
      return b.length + 1L;
    }
    long i = 13 + colourTable(b[10]);
    while (i < b.length) {
      int block = b[(int) i++] & 0xFF;
      if (block == 0x3B) {
        return i;
      } else if (block == 0x21) {
        i = subBlocksEnd(b, i + 1);
      } else if (block == 0x2C) {
        if (i + 10 > b.length) {
          return b.length + 1L;
        }
        i += 9;
        i += colourTable(b[(int) i - 1]) + 1;
        i = subBlocksEnd(b, i);
      } else {
        throw malformed(ImageFormat.GIF);
      }
    }
    return b.length + 1L;
  }

  private static int colourTable(byte flags) {
    return (flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1);
  }

  private static long subBlocksEnd(byte[] b, long i) {
    while (i < b.length) {
      int size = b[(int) i++] & 0xFF;
      if (size == 0) {
        return i;
      }
      i += size;
    }
    return b.length + 1L;
  }

  /** RIFF says its own length, padded to an even size. */
  private static long webp(byte[] b) {
    if (b.length < 12) {
      return b.length + 1L;
    }
    long size = (b[4] & 0xFFL) | ((b[5] & 0xFFL) << 8) | ((b[6] & 0xFFL) << 16)
        | ((b[7] & 0xFFL) << 24);
    return 8 + size + (size & 1);
  }

  private static ImageRefusedException malformed(ImageFormat format) {
    return new ImageRefusedException("The file is not a well-formed " + format.name() + " image.");
  }
}

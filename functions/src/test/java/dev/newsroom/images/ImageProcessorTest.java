package dev.newsroom.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class ImageProcessorTest {

  private final ImageProcessor processor = new ImageProcessor();

  @Test
  void process_whenLargeJpeg_thenEveryWidthUpTo2000AsJpeg() throws Exception {
    ProcessedImage out = processor.process(TestImages.jpeg(3000, 2000), "image/jpeg");

    assertThat(out.outputs()).extracting(ProcessedImage.Output::width)
        .containsExactly(600, 1000, 1600, 2000);
    assertThat(out.width()).isEqualTo(2000);
    assertThat(out.height()).isEqualTo(1333);
    assertThat(out.contentType()).isEqualTo("image/jpeg");
    for (ProcessedImage.Output o : out.outputs()) {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(o.bytes()));
      assertThat(decoded.getWidth()).isEqualTo(o.width());
      assertThat(decoded.getHeight()).isEqualTo(o.height());
    }
  }

  @Test
  void process_whenSmallImage_thenNeverUpscaled() throws Exception {
    ProcessedImage out = processor.process(TestImages.jpeg(1200, 800), "image/jpeg");

    assertThat(out.outputs()).extracting(ProcessedImage.Output::width)
        .containsExactly(600, 1000, 1200);
  }

  @Test
  void process_whenTransparentPng_thenPngKeepsAlpha() throws Exception {
    ProcessedImage out = processor.process(TestImages.png(800, 400), "image/png");

    assertThat(out.contentType()).isEqualTo("image/png");
    assertThat(out.outputs()).extracting(ProcessedImage.Output::width).containsExactly(600, 800);
    BufferedImage first = ImageIO.read(new ByteArrayInputStream(out.outputs().get(0).bytes()));
    assertThat(first.getColorModel().hasAlpha()).isTrue();
  }

  @Test
  void process_whenLossyWebpFromAnEncoder_thenDecodedIntoJpegRenditions() throws Exception {
    ProcessedImage out = processor.process(resource("photo-lossy.webp"), "image/webp");

    assertThat(out.contentType()).isEqualTo("image/jpeg");
    assertThat(out.width()).isEqualTo(640);
    assertThat(out.height()).isEqualTo(400);
    assertThat(out.outputs()).extracting(ProcessedImage.Output::width).containsExactly(600, 640);
    BufferedImage largest = ImageIO.read(new ByteArrayInputStream(out.outputs().get(1).bytes()));
    assertThat(largest.getWidth()).isEqualTo(640);
    assertThat(largest.getHeight()).isEqualTo(400);
    // the yellow disc in the middle survived decoding and re-encoding
    int centre = largest.getRGB(320, 200);
    assertThat((centre >> 16) & 0xff).isGreaterThan(200);
    assertThat((centre >> 8) & 0xff).isGreaterThan(190);
    assertThat(centre & 0xff).isLessThan(90);
  }

  @Test
  void process_whenWebpWithAlpha_thenPngRenditionsKeepTheTransparency() throws Exception {
    ProcessedImage out = processor.process(resource("logo-alpha.webp"), "image/webp");

    assertThat(out.contentType()).isEqualTo("image/png");
    assertThat(out.outputs()).extracting(ProcessedImage.Output::width).containsExactly(320);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(out.outputs().get(0).bytes()));
    assertThat(png.getColorModel().hasAlpha()).isTrue();
    assertThat(png.getRGB(5, 5) >>> 24).as("corner alpha").isLessThan(16);
    assertThat(png.getRGB(160, 40) >>> 24).as("disc alpha").isGreaterThan(240);
    assertThat(png.getRGB(160, 100) >>> 24).as("square alpha").isBetween(90, 170);
  }

  @Test
  void process_whenGif_thenAccepted() throws Exception {
    assertThat(processor.process(TestImages.gif(300, 200), "image/gif").outputs())
        .extracting(ProcessedImage.Output::width).containsExactly(300);
  }

  @Test
  void process_whenCmykJpeg_thenDecodedToRgb() throws Exception {
    byte[] cmyk = TestImages.cmykJpeg(800, 600);

    ProcessedImage out = processor.process(cmyk, "image/jpeg");

    assertThat(out.contentType()).isEqualTo("image/jpeg");
    assertThat(out.outputs()).extracting(ProcessedImage.Output::width).containsExactly(600, 800);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.outputs().get(0).bytes()));
    assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
    assertThat(red(decoded.getRGB(100, 200))).isGreaterThan(180);
    assertThat(red(decoded.getRGB(500, 200))).isLessThan(80);
  }

  @Test
  void process_whenExifWithGps_thenNoMetadataInAnyOutput() throws Exception {
    byte[] withGps = TestImages.jpegWithExif(1200, 800, 1);
    assertThat(exifSegments(withGps)).isEqualTo(1);
    assertThat(TestImages.contains(withGps, TestImages.MAKER_MARK)).isTrue();

    ProcessedImage out = processor.process(withGps, "image/jpeg");

    for (ProcessedImage.Output o : out.outputs()) {
      assertThat(exifSegments(o.bytes())).isZero();
      assertThat(TestImages.contains(o.bytes(), TestImages.MAKER_MARK)).isFalse();
    }
  }

  @Test
  void process_whenExifOrientationSix_thenPixelsTurnedAQuarter() throws Exception {
    // Stored 1200 × 800 with the red half on the left; orientation 6 shows it 800 × 1200 with
    // the red half on top.
    ProcessedImage out = processor.process(TestImages.jpegWithExif(1200, 800, 6), "image/jpeg");

    assertThat(out.width()).isEqualTo(800);
    assertThat(out.height()).isEqualTo(1200);
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(out.outputs().get(1).bytes()));
    assertThat(red(shown.getRGB(400, 100))).isGreaterThan(200);
    assertThat(red(shown.getRGB(400, 1100))).isLessThan(60);
  }

  @Test
  void process_whenDecompressionBomb_thenRefusedFromTheHeaderAlone() {
    byte[] bomb = TestImages.decompressionBomb();
    assertThat(bomb.length).isLessThan(5_000);

    assertThatThrownBy(() -> processor.process(bomb, "image/png"))
        .isInstanceOf(ImageRefusedException.class)
        .hasMessageContaining("50000 × 50000").hasMessageContaining("8000");
  }

  @Test
  void process_whenJpegFollowedByHtml_thenRefusedAsPolyglot() {
    assertThatThrownBy(() -> processor.process(TestImages.polyglot(), "image/jpeg"))
        .isInstanceOf(ImageRefusedException.class).hasMessage(ImageEnd.TRAILING);
  }

  @Test
  void process_whenPngFollowedByHtml_thenRefusedAsPolyglot() {
    byte[] png = TestImages.png(50, 50);
    byte[] polyglot = Arrays.copyOf(png, png.length + 20);
    assertThatThrownBy(() -> processor.process(polyglot, "image/png"))
        .isInstanceOf(ImageRefusedException.class).hasMessage(ImageEnd.TRAILING);
  }

  @Test
  void process_whenSvgWithScript_thenRefused() {
    assertThatThrownBy(() -> processor.process(TestImages.svgWithScript(), "image/png"))
        .isInstanceOf(ImageRefusedException.class)
        .hasMessage("The file is not a JPEG, PNG, GIF or WebP image.");
  }

  @Test
  void process_whenTruncatedJpeg_thenRefused() {
    assertThatThrownBy(() -> processor.process(TestImages.truncatedJpeg(), "image/jpeg"))
        .isInstanceOf(ImageRefusedException.class).hasMessage(ImageEnd.TRUNCATED);
  }

  @Test
  void process_whenBytesDoNotMatchDeclaredType_thenRefused() {
    assertThatThrownBy(() -> processor.process(TestImages.png(10, 10), "image/jpeg"))
        .isInstanceOf(ImageRefusedException.class)
        .hasMessageContaining("PNG").hasMessageContaining("image/jpeg");
  }

  @Test
  void process_whenOver20Megabytes_thenRefusedBeforeReading() {
    byte[] big = Arrays.copyOf(TestImages.jpeg(10, 10), (int) ImageProcessor.MAX_BYTES + 1);
    assertThatThrownBy(() -> processor.process(big, "image/jpeg"))
        .isInstanceOf(ImageRefusedException.class).hasMessage("The file is over 20 MB.");
  }

  @Test
  void process_whenSideOver8000_thenRefused() {
    assertThatThrownBy(() -> processor.process(TestImages.png(8001, 2), "image/png"))
        .isInstanceOf(ImageRefusedException.class).hasMessageContaining("8001 × 2");
  }

  private static int red(int rgb) {
    return (rgb >> 16) & 0xFF;
  }

  private static int exifSegments(byte[] jpeg) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      List<?> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      return segments.size();
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (var in = ImageProcessorTest.class.getResourceAsStream("/images/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}

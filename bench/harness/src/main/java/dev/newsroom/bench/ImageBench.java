package dev.newsroom.bench;

import dev.newsroom.images.ImageProcessor;
import dev.newsroom.images.ProcessedImage;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Time and peak memory of processing one upload, in a JVM of its own per case (bench/images.sh
 * starts one per case, with the heap the function gets), so that one case's garbage does not
 * count against the next. Prints one line: case, input size, first run, median of the next runs,
 * peak heap and the process's peak resident memory (VmHWM).
 *
 * <p>Usage: ImageBench jpeg|png INPUT_FILE RUNS
 */
public final class ImageBench {

  private ImageBench() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("make")) {
      make(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    String kind = args[0];
    byte[] input = Files.readAllBytes(Path.of(args[1]));
    int runs = Integer.parseInt(args[2]);
    String type = kind.equals("jpeg") ? "image/jpeg" : "image/png";
    ImageProcessor processor = new ImageProcessor();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    List<Double> times = new ArrayList<>();
    ProcessedImage out = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      out = processor.process(input, type);
      times.add((System.nanoTime() - start) / 1e6);
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    List<Double> warm = new ArrayList<>(times.subList(1, times.size()));
    warm.sort(Double::compare);
    double median = warm.isEmpty() ? times.get(0) : warm.get(warm.size() / 2);
    System.out.printf("%-5s %6.1f MB %5d x %-5d first %7.0f ms  warm median %7.0f ms  "
            + "peak heap %5d MB  peak RSS %5d MB  renditions %d%n",
        kind, input.length / 1048576.0, out.width(), out.height(), times.get(0), median,
        peakHeap >> 20, vmHwmMb(), out.outputs().size());
  }

  private static long vmHwmMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
      }
    }
    return -1;
  }

  /**
   * The inputs: a 6000 × 4000 PNG (opaque) and a JPEG just under 20 MB (7000 × 5000 at
   * quality 0.92, noise over gradients, the hardest kind of photo to compress).
   */
  private static void make(Path jpeg, Path png) throws Exception {
    ImageIO.write(picture(6000, 4000, 2), "png", png.toFile());
    BufferedImage photo = picture(7000, 5000, 40);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.92f);
      writer.write(null, new IIOImage(photo, null, null), param);
    }
    Files.write(jpeg, bytes.toByteArray());
  }

  private static BufferedImage picture(int width, int height, int noise) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), width, height,
        new Color(230, 180, 60)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    Random random = new Random(14);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        int d = random.nextInt(2 * noise + 1) - noise;
        int r = clamp(((rgb >> 16) & 0xFF) + d);
        int gr = clamp(((rgb >> 8) & 0xFF) + d);
        int b = clamp((rgb & 0xFF) + d);
        image.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return image;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}

package dev.newsroom.bench;

import dev.newsroom.devserver.DeploymentPackages;
import dev.newsroom.devserver.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The deployment package of every function in template.yaml, as {@code sam build} ships it (the
 * package functions/packaging/packages.mk names, built by `./mvnw package` in
 * functions/target/packages): the size of the .zip Lambda receives against 10 MB = 10,000,000
 * bytes, and of the jar inside it. The largest package is broken down by library so the next trim
 * is easy to find; the one jar every function shipped before the packages (the -all jar) is
 * printed alongside.
 *
 * <p>Arguments: {@code --repo DIR --all-jar JAR}.
 */
public final class PackageSizeBench {

  static final long LIMIT = 10_000_000;

  private PackageSizeBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse(args);
    Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    SamTemplate template = SamTemplate.read(repo.resolve("template.yaml"));
    DeploymentPackages packages = DeploymentPackages.read(repo);

    System.out.printf("Deployment package per function: the .zip Lambda receives (limit %,d"
        + " bytes), and the jar inside it%n", LIMIT);
    System.out.printf("%-34s %-13s %12s %6s %12s%n", "function", "package", "zip bytes", "MB",
        "jar bytes");
    Map<String, Long> zipBytes = new TreeMap<>();
    for (String name : packages.names()) {
      zipBytes.put(name, packages.deploymentZipBytes(name));
    }
    for (SamTemplate.Function function : template.functions()) {
      String name = packages.packageOf(function.id());
      long zip = zipBytes.get(name);
      System.out.printf("%-34s %-13s %,12d %6.2f %,12d%n", function.id(), name, zip, zip / 1e6,
          Files.size(packages.jarOf(function.id())));
    }
    String largest = Collections.max(zipBytes.entrySet(), Map.Entry.comparingByValue()).getKey();
    Path all = Path.of(opts.get("all-jar"));
    System.out.printf("%nBefore the packages every function shipped %s: %,d bytes (%.2f MB)%n",
        all.getFileName(), Files.size(all), Files.size(all) / 1e6);
    System.out.printf("%nLargest package (%s) by library (KB in the jar):%n", largest);
    breakdown(packages.jar(largest)).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(14)
        .forEach(e -> System.out.printf("  %7.0f  %s%n", e.getValue() / 1024.0, e.getKey()));
    long size = zipBytes.get(largest);
    System.out.printf("%nRATIO largest package / 10 MB = %.2f  (%s, %.2f MB zipped; target <= 1.00)%n",
        size / (double) LIMIT, largest, size / 1e6);
  }

  /** Compressed bytes per top-level library package (three path segments, four for the SDK). */
  private static Map<String, Long> breakdown(Path jar) throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String[] parts = entry.getName().split("/");
        int depth = entry.getName().startsWith("software/amazon/awssdk/") ? 5 : 3;
        List<String> head = new ArrayList<>(List.of(parts).subList(0,
            Math.min(depth, Math.max(1, parts.length - 1))));
        sizes.merge(String.join("/", head), entry.getCompressedSize(), Long::sum);
      }
    }
    return sizes;
  }
}

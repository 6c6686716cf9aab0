package dev.newsroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The deployment package of every function in template.yaml and its size. A CodeUri naming a
 * Maven module means that module's shaded {@code -lambda.jar} (what `./mvnw package` builds for
 * deployment); a CodeUri naming a file means that file. The largest package is broken down by
 * library so the next trim is easy to find.
 *
 * <p>Arguments: {@code --repo DIR}.
 */
public final class PackageSizeBench {

  static final long LIMIT = 10_000_000;

  private PackageSizeBench() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(BenchArgs.parse(args).getOrDefault("repo", "."))
        .toAbsolutePath().normalize();
    JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(
        repo.resolve("template.yaml").toFile());
    String globalCode = template.at("/Globals/Function/CodeUri").asText(null);
    Map<String, Path> packages = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> resource : iterable(template.path("Resources"))) {
      if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
        String code = resource.getValue().at("/Properties/CodeUri").asText(globalCode);
        packages.put(resource.getKey(), deploymentPackage(repo.resolve(code)));
      }
    }
    System.out.printf("Deployment package per function (limit %.0f MB)%n", LIMIT / 1e6);
    System.out.printf("%-34s %9s  %s%n", "function", "MB", "package");
    Path largest = null;
    for (Map.Entry<String, Path> e : packages.entrySet()) {
      long size = Files.size(e.getValue());
      System.out.printf("%-34s %9.2f  %s%n", e.getKey(), size / 1e6, repo.relativize(e.getValue()));
      if (largest == null || size > Files.size(largest)) {
        largest = e.getValue();
      }
    }
    if (largest == null) {
      throw new IllegalStateException("template.yaml has no functions");
    }
    System.out.printf("%nLargest package by library (compressed KB):%n");
    breakdown(largest).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(14)
        .forEach(e -> System.out.printf("  %7.0f  %s%n", e.getValue() / 1024.0, e.getKey()));
    System.out.printf("%nRATIO largest package / 10 MB = %.2f  (%.2f MB; target <= 1.00)%n",
        Files.size(largest) / (double) LIMIT, Files.size(largest) / 1e6);
  }

  private static Path deploymentPackage(Path code) throws IOException {
    if (Files.isRegularFile(code)) {
      return code;
    }
    try (Stream<Path> jars = Files.list(code.resolve("target"))) {
      return jars.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no -lambda.jar in " + code
              + "/target: run ./mvnw package first"));
    }
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

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}

package dev.newsroom.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The deploy step for CSS, script and icons, done locally: the same as
 * {@code aws s3 sync site/static s3://BUCKET/static --cache-control "public, max-age=3600"}.
 */
final class StaticAssets {

  static final String CACHE_CONTROL = "public, max-age=3600";
  private static final Map<String, String> TYPES = Map.of(
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "txt", "text/plain; charset=utf-8");

  private StaticAssets() {}

  static int upload(Path folder, S3Client s3, String bucket) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String relative = folder.relativize(file).toString().replace('\\', '/');
      String name = file.getFileName().toString();
      String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
          "application/octet-stream");
      s3.putObject(r -> r.bucket(bucket).key("static/" + relative).contentType(type)
          .cacheControl(CACHE_CONTROL), RequestBody.fromFile(file));
    }
    return files.size();
  }
}

package dev.newsroom.images;

import java.util.List;

/** An accepted image: its displayed size and one encoded file per width. */
public record ProcessedImage(int width, int height, String contentType, String extension,
    List<Output> outputs) {

  public record Output(int width, int height, byte[] bytes) {}
}

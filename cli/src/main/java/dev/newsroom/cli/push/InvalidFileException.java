package dev.newsroom.cli.push;

import java.nio.file.Path;

/** An article file or one of its images cannot be pushed as it is; nothing was sent for it. */
public final class InvalidFileException extends RuntimeException {

  private final Path file;

  public InvalidFileException(Path file, String message) {
    super(message);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}

package dev.newsroom.cli;

import java.nio.file.Path;

/** A failure while pushing one file: reported with the file's name. */
final class FileFailure extends RuntimeException {

  private final Path file;

  FileFailure(Path file, RuntimeException cause) {
    super(cause.getMessage(), cause);
    this.file = file;
  }

  Path file() {
    return file;
  }

  @Override
  public synchronized RuntimeException getCause() {
    return (RuntimeException) super.getCause();
  }
}

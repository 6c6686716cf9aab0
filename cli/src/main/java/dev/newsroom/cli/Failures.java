package dev.newsroom.cli;

import dev.newsroom.cli.api.ApiRefusedException;
import dev.newsroom.cli.api.ApiUnavailableException;
import dev.newsroom.cli.config.ConfigException;
import dev.newsroom.cli.push.InvalidFileException;
import dev.newsroom.config.AwsErrors;
import dev.newsroom.shared.UnavailableException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every failure becomes one line (or one JSON error) and an exit code. No message here holds the
 * editor key: none of the exceptions is built with it.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

  static final int OK = 0;
  /** The API refused the request (4xx), or a file cannot be pushed as it is. */
  static final int REFUSED = 1;
  /** Wrong arguments or configuration: nothing was sent. */
  static final int USAGE = 2;
  /** The server could not be reached, timed out or failed (5xx): a retry may work. */
  static final int UNAVAILABLE = 3;

  private final Context context;

  Failures(Context context) {
    this.context = context;
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command,
      CommandLine.ParseResult parsed) {
    Path file = null;
    Exception cause = failure;
    if (failure instanceof FileFailure inFile) {
      file = inFile.file();
      cause = inFile.getCause();
    }
    if (cause instanceof InvalidFileException invalid) {
      file = invalid.file();
    }
    Map<String, Object> error = new LinkedHashMap<>();
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getMessage();
    int exit;
    if (cause instanceof ApiRefusedException refused) {
      exit = REFUSED;
      error.put("code", refused.code());
      error.put("status", refused.status());
      if (refused.field() != null) {
        error.put("field", refused.field());
      }
    } else if (cause instanceof ApiUnavailableException) {
      exit = UNAVAILABLE;
      error.put("code", "unavailable");
    } else if (cause instanceof ConfigException) {
      exit = USAGE;
      error.put("code", "config");
    } else if (cause instanceof InvalidFileException) {
      exit = REFUSED;
      error.put("code", "invalid_file");
    } else if (cause instanceof CommandRefused refused) {
      exit = REFUSED;
      error.put("code", refused.code());
    } else if (cause instanceof UnavailableException && cause.getCause() != null) {
      // The key table, throttled, unreachable, or without credentials: say which.
      exit = UNAVAILABLE;
      error.put("code", "aws_unavailable");
      message = "AWS: " + cause.getCause().getMessage();
    } else if (cause instanceof SdkException sdk) {
      exit = AwsErrors.isRetryable(sdk) ? UNAVAILABLE : REFUSED;
      error.put("code", exit == UNAVAILABLE ? "aws_unavailable" : "aws_refused");
      message = "AWS: " + message;
    } else {
      exit = REFUSED;
      error.put("code", "internal");
    }
    if (file != null) {
      error.put("file", file.toString());
    }
    message = Secrets.redact(message);
    error.put("message", message);
    Newsroom root = (Newsroom) command.getCommandSpec().root().userObject();
    if (root.json()) {
      new Output(context.out(), true).document(Map.of("error", error));
    } else {
      context.err().println("newsroom: " + line(file, error, message));
      context.err().flush();
    }
    return exit;
  }

  /** {@code harbour.md: title: The title is required. (HTTP 400 invalid_field)} */
  private static String line(Path file, Map<String, Object> error, String message) {
    StringBuilder line = new StringBuilder();
    if (file != null) {
      line.append(file).append(": ");
    }
    if (error.containsKey("field")) {
      line.append(error.get("field")).append(": ");
    }
    line.append(message);
    if (error.containsKey("status")) {
      line.append(" (HTTP ").append(error.get("status")).append(' ').append(error.get("code"))
          .append(')');
    }
    return line.toString();
  }
}

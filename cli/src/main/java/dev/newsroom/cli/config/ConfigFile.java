package dev.newsroom.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

/**
 * The config file: {@code url=} and {@code key=} lines. It holds a secret, so it must be readable
 * and writable by its owner only, as ssh insists for private keys: a file that others may read or
 * change is refused, not used.
 */
public final class ConfigFile {

  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private ConfigFile() {}

  /** Empty properties when the file does not exist. */
  public static Properties read(Path file) {
    Properties properties = new Properties();
    if (!Files.exists(file)) {
      return properties;
    }
    requireOwnerOnly(file);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
    }
    return properties;
  }

  static void requireOwnerOnly(Path file) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // no POSIX modes here (Windows): the user profile's ACL protects it
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      throw new ConfigException("Cannot read the permissions of " + file + ": " + e.getMessage());
    }
    if (permissions.stream().anyMatch(OTHERS::contains)) {
      throw new ConfigException(file + " holds an editor key but others may access it (mode "
          + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
    }
  }
}

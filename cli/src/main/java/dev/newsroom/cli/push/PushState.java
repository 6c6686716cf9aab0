package dev.newsroom.cli.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What earlier pushes did, per site: the Newsroom image each image file's content (SHA-256)
 * became, and the version each article was left at. It only saves work: deleting it costs one
 * new upload per image. Kept next to the config file, owner-only like it.
 */
public final class PushState {

  /** One uploaded image: its id (to check it still exists) and the path articles use. */
  public record UploadedImage(String id, String path) {}

  /** The stored shape: site URL to what was pushed there. */
  record Site(Map<String, UploadedImage> images, Map<String, Long> articles) {
    Site {
      images = images == null ? new TreeMap<>() : new TreeMap<>(images);
      articles = articles == null ? new TreeMap<>() : new TreeMap<>(articles);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final Map<String, Site> sites;
  private final Site site;

  private PushState(Path file, Map<String, Site> sites, String siteUrl) {
    this.file = file;
    this.sites = sites;
    this.site = sites.computeIfAbsent(siteUrl, url -> new Site(null, null));
  }

  /** A state that is never saved (tests, and runs without a state file). */
  public static PushState inMemory(String siteUrl) {
    return new PushState(null, new TreeMap<>(), siteUrl);
  }

  public static PushState load(Path file, String siteUrl) {
    Map<String, Site> sites = new TreeMap<>();
    if (Files.exists(file)) {
      try {
        sites.putAll(JSON.readValue(file.toFile(),
            JSON.getTypeFactory().constructMapType(TreeMap.class, String.class, Site.class)));
      } catch (IOException e) {
        throw new InvalidFileException(file, "the push state is damaged (" + e.getClass()
            .getSimpleName() + "); delete it: the next push uploads its images again");
      }
    }
    return new PushState(file, sites, siteUrl);
  }

  public Optional<UploadedImage> image(String sha256) {
    return Optional.ofNullable(site.images().get(sha256));
  }

  public void rememberImage(String sha256, UploadedImage image) {
    site.images().put(sha256, image);
    save();
  }

  public void forgetImage(String sha256) {
    site.images().remove(sha256);
  }

  public Optional<Long> articleVersion(String slug) {
    return Optional.ofNullable(site.articles().get(slug));
  }

  public void rememberArticle(String slug, long version) {
    site.articles().put(slug, version);
    save();
  }

  public void forgetArticle(String slug) {
    if (site.articles().remove(slug) != null) {
      save();
    }
  }

  /** Written whole to a temporary file, then moved over the old one: never half a file. */
  private void save() {
    if (file == null) {
      return;
    }
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path temporary = Files.createTempFile(folder, ".push-state", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      }
      JSON.writeValue(temporary.toFile(), sites);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new InvalidFileException(file, "cannot save the push state: " + e.getMessage());
    }
  }
}

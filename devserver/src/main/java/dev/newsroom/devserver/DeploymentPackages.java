package dev.newsroom.devserver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What {@code sam build} deploys: {@code functions/packaging/packages.mk} maps each function to a
 * package, and {@code ./mvnw package} builds each package as
 * {@code functions/target/packages/<name>.jar}. Read by the package tests and the bench, as
 * {@link SamTemplate} reads template.yaml.
 */
public final class DeploymentPackages {

  private static final Pattern LINE = Pattern.compile("package\\.(\\w+)\\s*:=\\s*(\\w+)");

  private final Path folder;
  private final Map<String, String> packageByFunction;

  private DeploymentPackages(Path folder, Map<String, String> packageByFunction) {
    this.folder = folder;
    this.packageByFunction = packageByFunction;
  }

  public static DeploymentPackages read(Path repoRoot) throws IOException {
    Map<String, String> byFunction = new TreeMap<>();
    for (String line : Files.readAllLines(
        repoRoot.resolve("functions/packaging/packages.mk"))) {
      Matcher m = LINE.matcher(line.strip());
      if (m.matches()) {
        byFunction.put(m.group(1), m.group(2));
      }
    }
    return new DeploymentPackages(repoRoot.resolve("functions/target/packages"), byFunction);
  }

  /** The package a function deploys, or null when packages.mk names none. */
  public String packageOf(String functionId) {
    return packageByFunction.get(functionId);
  }

  public Map<String, String> packageByFunction() {
    return Collections.unmodifiableMap(packageByFunction);
  }

  /** Every package some function deploys. */
  public SortedSet<String> names() {
    return new TreeSet<>(packageByFunction.values());
  }

  public Path jar(String packageName) {
    return folder.resolve(packageName + ".jar");
  }

  /**
   * Bytes of the .zip that Lambda receives for a function of this package: what {@code sam
   * deploy} uploads, the build folder {@code functions/Makefile} fills ({@code
   * lib/newsroom-<name>.jar}) deflated at the default level. This is the deployment package the
   * 10 MB target is about; the jar inside it is what Lambda unpacks.
   */
  public long deploymentZipBytes(String packageName) throws IOException {
    CountingStream bytes = new CountingStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("lib/newsroom-" + packageName + ".jar"));
      Files.copy(jar(packageName), zip);
      zip.closeEntry();
    }
    return bytes.count;
  }

  /** Counts what is written and keeps none of it. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** The jar a function deploys; fails when packages.mk names none or it was not built. */
  public Path jarOf(String functionId) {
    String name = packageOf(functionId);
    if (name == null) {
      throw new IllegalStateException("functions/packaging/packages.mk names no package for "
          + functionId);
    }
    Path jar = jar(name);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: ./mvnw package builds it");
    }
    return jar;
  }
}

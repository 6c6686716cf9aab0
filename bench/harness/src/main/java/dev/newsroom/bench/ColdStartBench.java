package dev.newsroom.bench;

import dev.newsroom.devserver.DeploymentPackages;
import dev.newsroom.devserver.SamTemplate;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Cold start of every HTTP function, side by side with a bare JVM (the floor) and a handler
 * written the way the common AWS samples write it (the baseline), plus one variant per lever.
 * Each variant is a fresh JVM timed from spawn to exit; rounds interleave the variants so that
 * machine noise hits them alike, and the report gives medians.
 *
 * <p>Each function starts from its deployment package (functions/target/packages, as
 * packaging/packages.mk maps it); one lever starts GetArticle from the one shaded jar every
 * function shipped before the packages ({@code --all-jar}).
 *
 * <p>Arguments: {@code --repo DIR --all-jar JAR --baseline-jar JAR --harness-jar JAR
 * [--runs N] [--only FunctionId,...]}. The harness jar holds the launcher: a jar rather than a directory, because AppCDS
 * archives only jars.
 */
public final class ColdStartBench {

  /**
   * What the java21 managed runtime adds by itself: it uses the serial collector (see "Customize
   * Java runtime startup behavior" in the Lambda guide). The template's JAVA_TOOL_OPTIONS come on
   * top of this.
   */
  static final List<String> RUNTIME_FLAGS = List.of("-XX:+UseSerialGC");

  static final String GET_ARTICLE = "GetArticleFunction";
  static final String BASELINE_HANDLER = "dev.newsroom.bench.baseline.GetArticleBaselineHandler";

  /** One way of starting a JVM, with the state it needs prepared before each run. */
  record Variant(String name, List<String> command, Map<String, String> env, Prep prep) {}

  /** Work done before a run and outside its timing. */
  interface Prep {
    void run() throws Exception;
  }

  /** One run's outcome: wall time of the process, and what the launcher printed. */
  record Run(double wallMs, int status, double initMs, double invokeMs) {}

  private static final Pattern OUTPUT = Pattern.compile(
      "status=(\\d+)(?: initMs=(\\d+) invokeMs=(\\d+))?");

  private final Path repo;
  private final DeploymentPackages packages;
  private final Path allJar;
  private final Path baselineJar;
  private final Path harness;
  private final Path work;
  private final List<String> flags;
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private ColdStartBench(Path repo, DeploymentPackages packages, Path allJar, Path baselineJar,
      Path harness, Path work, List<String> flags) {
    this.repo = repo;
    this.packages = packages;
    this.allJar = allJar;
    this.baselineJar = baselineJar;
    this.harness = harness;
    this.work = work;
    this.flags = flags;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.parse(args);
    Path repo = Path.of(opts.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    int runs = Integer.parseInt(opts.getOrDefault("runs", "10"));
    // GetArticle and its levers always run; --only keeps just these other functions.
    List<String> only = opts.containsKey("only")
        ? concat(List.of(GET_ARTICLE), Arrays.asList(opts.get("only").split(","))) : List.of();
    SamTemplate template = SamTemplate.read(repo.resolve("template.yaml"));
    List<String> flags = new ArrayList<>(RUNTIME_FLAGS);
    flags.addAll(templateFlags(template));
    Path work = Files.createTempDirectory("newsroom-coldstart");
    ColdStartBench bench = new ColdStartBench(repo, DeploymentPackages.read(repo),
        Path.of(opts.get("all-jar")), Path.of(opts.get("baseline-jar")), Path.of(opts.get("harness-jar")), work, flags);
    try (BenchWorld world = BenchWorld.start(repo)) {
      bench.run(world, runs, only);
    } finally {
      deleteTree(work);
    }
  }

  /** The JVM flags the template gives every function. */
  static List<String> templateFlags(SamTemplate template) {
    String options = template.functions().stream()
        .map(f -> f.environment().get("JAVA_TOOL_OPTIONS"))
        .filter(v -> v != null && !v.isBlank()).findFirst().orElse("");
    return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
  }

  private void run(BenchWorld world, int runs, List<String> only) throws Exception {
    System.out.printf("Cold start: fresh JVM, handler init + first invocation against DynamoDB"
        + " Local over HTTP; %d runs per variant, interleaved; JVM %s; flags %s%n",
        runs, Runtime.version(), String.join(" ", flags));
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("bare JVM hello world (floor)",
        cmd(flags, List.of(harness), Hello.class.getName()), Map.of(), () -> { }));

    Map<String, Variant> functions = new LinkedHashMap<>();
    for (SamTemplate.Route route : world.template.routes()) {
      if (!only.isEmpty() && !only.contains(route.functionId())) {
        continue;
      }
      SamTemplate.Function function = world.template.functions().stream()
          .filter(f -> f.id().equals(route.functionId())).findFirst().orElseThrow();
      boolean write = route.path().startsWith("/api/admin/") && !route.method().equals("GET");
      String slug = write ? BenchWorld.SCRATCH_SLUG : BenchWorld.SEED_SLUG;
      Path event = work.resolve(function.id() + ".json");
      Files.writeString(event, SampleEvents.event(repo, route, slug, world.editorKey));
      Map<String, String> env = functionEnv(world, function.environment());
      boolean publicPost = !route.path().startsWith("/api/admin/") && route.method().equals("POST");
      Prep prep = write ? () -> world.prepareScratch(route.method(), route.path())
          : publicPost ? world::clearRateLimits : () -> { };
      functions.put(function.id(), new Variant(function.id(),
          cmd(flags, launcherClasspath(packages.jarOf(function.id())),
              LambdaLauncher.class.getName(),
              function.handlerClass(), event.toString()), env, prep));
    }
    Variant getArticle = functions.get(GET_ARTICLE);
    if (getArticle == null) {
      throw new IllegalStateException("template.yaml has no " + GET_ARTICLE);
    }
    variants.addAll(functions.values());

    Path getEvent = work.resolve(GET_ARTICLE + ".json");
    Map<String, String> baselineEnv = functionEnv(world, Map.of("ARTICLES_TABLE", "ArticlesTable"));
    Variant baseline = new Variant("baseline: sample-style GetArticle",
        cmd(flags, launcherClasspath(baselineJar), LambdaLauncher.class.getName(),
            BASELINE_HANDLER, getEvent.toString()), baselineEnv, () -> { });
    variants.add(baseline);
    variants.add(new Variant("baseline, JVM defaults (no template flags)",
        cmd(RUNTIME_FLAGS, launcherClasspath(baselineJar), LambdaLauncher.class.getName(),
            BASELINE_HANDLER, getEvent.toString()), baselineEnv, () -> { }));

    // Levers, each against GetArticle as it ships.
    List<String> noTiered = new ArrayList<>(flags);
    noTiered.removeIf(f -> f.startsWith("-XX:TieredStopAtLevel") || f.equals("-XX:+TieredCompilation"));
    noTiered.removeAll(RUNTIME_FLAGS);
    noTiered.addAll(0, RUNTIME_FLAGS);
    variants.add(withFlags(getArticle, "lever off: GetArticle without TieredStopAtLevel=1",
        noTiered));
    variants.add(withFlags(getArticle, "lever: GetArticle + -XX:-UsePerfData (not kept)",
        concat(flags, List.of("-XX:-UsePerfData"))));
    Path ownJar = packages.jarOf(GET_ARTICLE);
    variants.add(new Variant("lever off: GetArticle from the one shared jar ("
        + mb(Files.size(allJar)) + " MB, deflated)",
        replace(getArticle.command(), ownJar + pathSep(), allJar + pathSep()),
        getArticle.env(), () -> { }));
    Path deflated = deflatedCopy(ownJar);
    variants.add(new Variant("lever off: GetArticle from its package, entries deflated",
        replace(getArticle.command(), ownJar + pathSep(), deflated + pathSep()),
        getArticle.env(), () -> { }));
    // ops (issue 17): the package without slf4j-nop is what shipped before it (SLF4J then
    // prints its "no binder" warning): the row shows binding it costs the cold start nothing.
    Path unbound = copyWithout(ownJar, "org/slf4j/impl/");
    variants.add(new Variant("lever off: GetArticle without slf4j-nop (SLF4J warns)",
        replace(getArticle.command(), ownJar + pathSep(), unbound + pathSep()),
        getArticle.env(), () -> { }));
    Path archive = cdsArchive(getArticle);
    variants.add(withFlags(getArticle, "lever: GetArticle + AppCDS archive (not deployable)",
        concat(flags, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off"))));
    List<String> crt = classpathJars("aws-crt-client-", "aws-crt-0", "crt-core-");
    for (String client : List.of("urlconnection", "crt")) {
      List<Path> cp = new ArrayList<>(List.of(allJar, harness));
      if (client.equals("crt")) {
        crt.forEach(j -> cp.add(Path.of(j)));
      }
      variants.add(new Variant("lever: explicit GetItem program, " + client + " HTTP client",
          cmd(flags, cp, ExplicitGetItem.class.getName(), client, "ArticlesTable",
              BenchWorld.SEED_SLUG), baselineEnv, () -> { }));
    }

    // One unmeasured round: proves each variant succeeds and fills the page cache.
    for (Variant v : variants) {
      Run r = runOnce(v);
      if (r.status() >= 400 && !v.name().contains("hello")) {
        System.out.printf("  note: %s answered %d%n", v.name(), r.status());
      }
    }
    Map<Variant, List<Run>> results = new LinkedHashMap<>();
    variants.forEach(v -> results.put(v, new ArrayList<>()));
    for (int round = 0; round < runs; round++) {
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get((i + round) % variants.size());
        results.get(v).add(runOnce(v));
      }
    }
    report(results, variants.get(0), baseline, getArticle);
  }

  private void report(Map<Variant, List<Run>> results, Variant floor, Variant baseline,
      Variant getArticle) {
    double floorMs = Stats.median(wall(results.get(floor)));
    double baselineMs = Stats.median(wall(results.get(baseline)));
    System.out.printf("%n%-68s %8s %7s %7s %7s %7s %8s %8s %6s%n", "variant", "median", "min",
        "max", "init", "invoke", "x floor", "x base", "status");
    results.forEach((v, runs) -> {
      List<Double> wall = wall(runs);
      double median = Stats.median(wall);
      System.out.printf("%-68s %6.0fms %5.0fms %5.0fms %5.0fms %5.0fms %8.2f %8.2f %6d%n",
          v.name(), median, Stats.percentile(wall, 0), Stats.percentile(wall, 100),
          Stats.median(runs.stream().map(Run::initMs).toList()),
          Stats.median(runs.stream().map(Run::invokeMs).toList()),
          median / floorMs, median / baselineMs, runs.get(runs.size() - 1).status());
    });
    double get = Stats.median(wall(results.get(getArticle)));
    System.out.printf("%nRATIO cold start GetArticle / bare JVM    = %.2f  (target <= 10)%n",
        get / floorMs);
    System.out.printf("RATIO cold start GetArticle / baseline    = %.2f  (target <= 0.4)%n",
        get / baselineMs);
  }

  private static List<Double> wall(List<Run> runs) {
    return runs.stream().map(Run::wallMs).toList();
  }

  private Run runOnce(Variant v) throws Exception {
    v.prep().run();
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(v.command())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(v.env());
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    double wallMs = (System.nanoTime() - start) / 1e6;
    String stdout = Files.readString(out);
    if (exit != 0) {
      throw new IllegalStateException(v.name() + " exited " + exit + ":\n" + stdout
          + Files.readString(err));
    }
    Matcher m = OUTPUT.matcher(stdout);
    if (!m.find()) {
      return new Run(wallMs, 0, 0, 0);
    }
    int status = Integer.parseInt(m.group(1));
    if (status >= 500) {
      throw new IllegalStateException(v.name() + " answered " + status + ":\n" + stdout);
    }
    return new Run(wallMs, status, m.group(2) == null ? 0 : Double.parseDouble(m.group(2)),
        m.group(3) == null ? 0 : Double.parseDouble(m.group(3)));
  }

  /** The environment Lambda gives a function, pointed at the local emulator. */
  private Map<String, String> functionEnv(BenchWorld world, Map<String, String> templateEnv)
      throws IOException {
    Map<String, String> env = new HashMap<>(templateEnv);
    env.remove("JAVA_TOOL_OPTIONS");
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    // An empty home, as on Lambda: no ~/.aws files to find.
    env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
    env.put("AWS_REGION", BenchWorld.REGION);
    env.put("AWS_ACCESS_KEY_ID", BenchWorld.ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", BenchWorld.SECRET_KEY);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", world.endpoint());
    env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", world.secretsManagerEndpoint());
    return env;
  }

  /** The deployment package first, as /var/task is on Lambda; then the runtime's part. */
  private List<Path> launcherClasspath(Path packageJar) {
    List<Path> cp = new ArrayList<>(List.of(packageJar, harness));
    classpathJars("aws-lambda-java-serialization").forEach(j -> cp.add(Path.of(j)));
    return cp;
  }

  private List<String> cmd(List<String> jvmFlags, List<Path> classpath, String main,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBin);
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(String.join(pathSep(), classpath.stream().map(Path::toString).toList()));
    command.add(main);
    command.addAll(List.of(args));
    return command;
  }

  private Variant withFlags(Variant v, String name, List<String> jvmFlags) {
    List<String> command = new ArrayList<>();
    command.add(javaBin);
    command.addAll(jvmFlags);
    command.addAll(v.command().subList(1 + flags.size(), v.command().size()));
    return new Variant(name, command, v.env(), v.prep());
  }

  /** The same jar with every entry deflated, as the packages were before common.pro stored them. */
  private Path deflatedCopy(Path jar) throws IOException {
    Path copy = work.resolve("deflated-" + jar.getFileName());
    try (ZipFile in = new ZipFile(jar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      for (ZipEntry entry : Collections.list(in.entries())) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream bytes = in.getInputStream(entry)) {
          bytes.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return copy;
  }

  /** A copy of {@code jar} without the entries under {@code prefix}, the rest as they were. */
  private Path copyWithout(Path jar, String prefix) throws IOException {
    Path copy = work.resolve("without-" + prefix.replace('/', '-') + jar.getFileName());
    Files.copy(jar, copy);
    try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(copy);
        java.util.stream.Stream<Path> entries = Files.walk(zip.getPath(prefix))) {
      for (Path entry : entries.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(entry);
      }
    }
    return copy;
  }

  /** A dynamic AppCDS archive from one training run of the same command. */
  private Path cdsArchive(Variant v) throws Exception {
    Path archive = work.resolve("get-article.jsa");
    runOnce(withFlags(v, v.name(), concat(flags,
        List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off"))));
    return archive;
  }

  static List<String> classpathJars(String... prefixes) {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(pathSep())) {
      String name = Path.of(entry).getFileName().toString();
      for (String prefix : prefixes) {
        if (name.startsWith(prefix) && name.endsWith(".jar")) {
          jars.add(entry);
        }
      }
    }
    return jars;
  }

  private static List<String> replace(List<String> command, String from, String to) {
    return command.stream().map(s -> s.replace(from, to)).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String pathSep() {
    return File.pathSeparator;
  }

  static String mb(long bytes) {
    return String.format("%.2f", bytes / 1_000_000.0);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package dev.newsroom.cli;

import dev.newsroom.cli.api.NewsroomApi;
import dev.newsroom.cli.config.Settings;
import dev.newsroom.cli.config.SettingsResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code newsroom}: the editors' client for a Newsroom site (docs/cli.md). */
@Command(name = "newsroom", mixinStandardHelpOptions = true, version = "newsroom 1.0",
    scope = ScopeType.INHERIT,
    description = "Publish to a Newsroom site from Markdown files, and manage it.",
    subcommands = {PushCommand.class, PublishCommand.class, UnpublishCommand.class,
        DeleteCommand.class, ListCommand.class, MessagesCommand.class, KeysCommand.class},
    footer = {"", "URL and key: --url/--key, else NEWSROOM_URL/NEWSROOM_KEY, else url= and key="
        + " in ~/.config/newsroom/config (mode 600).",
        "Exit codes: 0 done, 1 refused (4xx or invalid file), 2 usage or configuration,"
            + " 3 server unavailable (retry later)."})
public final class Newsroom implements Runnable {

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "The site or API, e.g. https://news.example.org or http://127.0.0.1:8787.")
  private String url;

  @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "KEY",
      description = "The editor key. Prefer NEWSROOM_KEY or the config file: other users of"
          + " this machine can see a command line.")
  private String key;

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "The config file (default: $NEWSROOM_CONFIG or ~/.config/newsroom/config).")
  private Path config;

  @Option(names = "--json", scope = ScopeType.INHERIT,
      description = "Print one JSON document (the result, or {\"error\":{...}}) for scripts.")
  private boolean json;

  @Spec
  private CommandSpec spec;

  private final Context context;

  Newsroom(Context context) {
    this.context = context;
  }

  public static void main(String[] args) {
    System.exit(run(Context.system(), args));
  }

  static int run(Context context, String... args) {
    CommandLine command = new CommandLine(new Newsroom(context));
    command.setOut(context.out());
    command.setErr(context.err());
    command.setCaseInsensitiveEnumValuesAllowed(true);
    command.setExecutionExceptionHandler(new Failures(context));
    command.setParameterExceptionHandler(Newsroom::usageError);
    return command.execute(args);
  }

  /** Picocli's usual answer to bad arguments, with any editor key in them hidden. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(Secrets.redact(e.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.print(command.getHelp().fullSynopsis());
    err.printf("Try '%s --help' for more information.%n",
        command.getCommandSpec().qualifiedName());
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Name a command: push, publish, unpublish, delete, list, messages or keys.");
  }

  boolean json() {
    return json;
  }

  Context context() {
    return context;
  }

  Output output() {
    return new Output(context.out(), json);
  }

  Settings settings() {
    return new SettingsResolver(context.env(), context.home()).resolve(url, key, config);
  }

  NewsroomApi api(Settings settings) {
    return context.api().apply(settings);
  }
}

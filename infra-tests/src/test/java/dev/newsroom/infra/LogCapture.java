package dev.newsroom.infra;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every line the infra suite's JVM writes to stdout and stderr (where Lambda's logs go), kept for
 * checking: no email address, editor key, token or message text may appear in clear. Installed
 * once for the whole run by {@link SuiteLifecycle}; checked after every test by
 * {@link NoSecretsInLogs} (JUnit Jupiter) and {@link NoSecretsInLogsHook} (jqwik).
 */
public final class LogCapture {

  /** Anything shaped like a mailbox address. */
  static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  /** An editor key ({@code nrk.<keyId>.<secret>}) or a bearer credential of any shape. */
  static final Pattern KEY = Pattern.compile("nrk\\.[A-Za-z0-9_-]{6,}|Bearer\\s+\\S+");

  private static final List<String> LINES = new ArrayList<>();
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  private static volatile boolean installed;

  private LogCapture() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8));
    installed = true;
  }

  /** A value that must never be logged: an address, key, token or message text a test used. */
  public static void remember(String secret) {
    if (secret != null && secret.strip().length() >= 8) {
      SECRETS.add(secret.strip());
    }
  }

  /** Where the log is now; pass it to {@link #leaksSince(int)}. */
  public static int mark() {
    synchronized (LINES) {
      return LINES.size();
    }
  }

  public static int linesSeen() {
    return mark();
  }

  /** Drops the lines since {@code mark}: only for a test that leaks on purpose to test this. */
  public static void forgetSince(int mark) {
    synchronized (LINES) {
      LINES.subList(Math.min(mark, LINES.size()), LINES.size()).clear();
    }
  }

  /** Each offending line since {@code mark}, with what it leaked replaced by a label. */
  public static List<String> leaksSince(int mark) {
    List<String> lines;
    synchronized (LINES) {
      lines = List.copyOf(LINES.subList(Math.min(mark, LINES.size()), LINES.size()));
    }
    List<String> leaks = new ArrayList<>();
    for (String line : lines) {
      String redacted = EMAIL.matcher(line).replaceAll("<email>");
      redacted = KEY.matcher(redacted).replaceAll("<key>");
      for (String secret : SECRETS) {
        if (redacted.contains(secret)) {
          redacted = redacted.replace(secret, "<secret>");
        }
      }
      if (!redacted.equals(line)) {
        leaks.add(redacted.length() > 400 ? redacted.substring(0, 400) + "..." : redacted);
      }
    }
    return leaks;
  }

  /** Splits written bytes into lines for the check and passes them on unchanged. */
  private static final class Tee extends OutputStream {
    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Tee(OutputStream target) {
      this.target = target;
    }

    @Override
    public synchronized void write(int b) {
      try {
        target.write(b);
      } catch (java.io.IOException e) {
        // the console went away; the copy is what matters here
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        synchronized (LINES) {
          LINES.add(text);
        }
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(bytes[i]);
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      target.flush();
    }
  }
}

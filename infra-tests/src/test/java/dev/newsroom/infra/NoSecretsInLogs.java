package dev.newsroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any Jupiter test (or class setup) of the infra suite during which a log line carried an
 * email address, a key or a remembered secret. Registered for every test by auto-detection
 * (META-INF/services and junit-platform.properties).
 */
public final class NoSecretsInLogs implements BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(NoSecretsInLogs.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    LogCapture.install();
    context.getStore(NS).put("mark", LogCapture.mark());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NS).put("mark", LogCapture.mark());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    check(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    check(context);
  }

  private static void check(ExtensionContext context) {
    Integer mark = context.getStore(NS).remove("mark", Integer.class);
    if (mark != null) {
      assertThat(LogCapture.leaksSince(mark))
          .as("log lines that carry an address, a key, a token or message text")
          .isEmpty();
    }
    // Setup in the class scope after this test is checked by the next test or afterAll.
    context.getParent().ifPresent(parent -> parent.getStore(NS).put("mark", LogCapture.mark()));
  }
}

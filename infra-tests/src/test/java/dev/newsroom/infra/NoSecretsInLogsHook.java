package dev.newsroom.infra;

import java.util.List;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** The log check of {@link NoSecretsInLogs} for jqwik properties (added with AddLifecycleHook). */
public final class NoSecretsInLogsHook implements AroundPropertyHook {

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context,
      PropertyExecutor property) {
    LogCapture.install();
    int mark = LogCapture.mark();
    PropertyExecutionResult result = property.execute();
    List<String> leaks = LogCapture.leaksSince(mark);
    if (!leaks.isEmpty() && result.status() == PropertyExecutionResult.Status.SUCCESSFUL) {
      return result.mapToFailed(new AssertionError(
          "log lines that carry an address, a key, a token or message text: " + leaks));
    }
    return result;
  }
}

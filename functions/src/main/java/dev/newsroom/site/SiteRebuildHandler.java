package dev.newsroom.site;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.newsroom.config.LambdaInvocation;
import dev.newsroom.shared.Invocation;
import dev.newsroom.shared.Log;
import java.util.Map;

/**
 * Re-renders the whole site; invoked by hand or by the deploy step (any payload), after a
 * template change, or to recover from a batch that went to the DLQ. Idempotent.
 */
public final class SiteRebuildHandler implements RequestHandler<Map<String, Object>,
    Map<String, Integer>> {

  private final SitePublisher publisher;

  public SiteRebuildHandler() {
    this(SiteWiring.publisher());
  }

  SiteRebuildHandler(SitePublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public Map<String, Integer> handleRequest(Map<String, Object> input, Context context) {
    try (Invocation invocation = LambdaInvocation.open(context)) {
      SitePublisher.Result result = publisher.rebuildAll();
      Map<String, Integer> counts = Map.of("written", result.written(),
          "deleted", result.deleted(), "unchanged", result.unchanged());
      Log.info("site.rebuilt", counts);
      return counts;
    }
  }
}

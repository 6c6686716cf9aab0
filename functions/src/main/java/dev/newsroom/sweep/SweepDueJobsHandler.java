package dev.newsroom.sweep;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.newsroom.scheduling.DueJobSweep;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sweep function, invoked every minute by an EventBridge schedule (template.yaml): one
 * {@link DueJobSweep} pass. The event itself carries nothing the pass needs. A pass that left
 * jobs failing ends in error, so the function's Errors metric (and its alarm) sees it; the jobs
 * stay due and the next minute's pass fires them again.
 */
public final class SweepDueJobsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  private final DueJobSweep sweep;

  public SweepDueJobsHandler() {
    this(SweepWiring.sweep());
  }

  SweepDueJobsHandler(DueJobSweep sweep) {
    this.sweep = sweep;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    DueJobSweep.Result result = sweep.sweep();
    if (result.failed() > 0) {
      throw new IllegalStateException(result.failed() + " due jobs failed; kept for the next sweep");
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("fired", result.fired());
    summary.put("alreadyRemoved", result.alreadyRemoved());
    summary.put("maxLatenessMs", result.maxLateness().toMillis());
    return summary;
  }
}

package dev.newsroom.config;

import com.amazonaws.services.lambda.runtime.Context;
import dev.newsroom.shared.Invocation;

/**
 * The one place that turns Lambda's context into the fields every log line and metric carries.
 * Each handler wraps its work in {@code try (Invocation i = LambdaInvocation.open(context))}.
 */
public final class LambdaInvocation {

  /** Where the Java runtime puts the current invocation's X-Ray trace header. */
  private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";
  /** The stack name (template.yaml, Globals): the service of every line and metric. */
  private static final String SERVICE = Env.optional("SERVICE_NAME").orElse(null);

  private LambdaInvocation() {}

  /** Opens the invocation; a null context (priming, tests, the dev server) adds no fields. */
  public static Invocation open(Context context) {
    if (context == null) {
      return Invocation.none();
    }
    return Invocation.open(SERVICE, context.getFunctionName(), context.getAwsRequestId(),
        System.getProperty(TRACE_PROPERTY));
  }
}

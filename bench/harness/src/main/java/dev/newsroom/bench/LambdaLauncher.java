package dev.newsroom.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the Lambda Java runtime for one cold start, in a fresh JVM whose classpath starts with the
 * deployment package: load and construct the handler (init), then invoke it once as the runtime
 * would. A {@link RequestStreamHandler} gets the event bytes and writes the response bytes; any
 * other handler gets its event read, and its response written, by the runtime's own serializer
 * (aws-lambda-java-serialization), as the runtime does. Prints the status and the in-process
 * phase times; the parent measures the whole process from spawn to exit.
 *
 * <p>Arguments: handler class, event file.
 */
public final class LambdaLauncher {

  private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

  private LambdaLauncher() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    ClassLoader loader = LambdaLauncher.class.getClassLoader();
    Object handler = Class.forName(args[0], true, loader).getConstructor().newInstance();
    long initialised = System.nanoTime();
    int status = handler instanceof RequestStreamHandler streams
        ? viaStream(streams, Path.of(args[1])) : viaSerializer(handler, Path.of(args[1]), loader);
    long invoked = System.nanoTime();
    System.out.println("status=" + status
        + " initMs=" + (initialised - start) / 1_000_000
        + " invokeMs=" + (invoked - initialised) / 1_000_000);
  }

  private static int viaStream(RequestStreamHandler handler, Path event) throws Exception {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(event))) {
      handler.handleRequest(in, json, null);
    }
    Matcher status = STATUS.matcher(json.toString(StandardCharsets.UTF_8));
    if (!status.find()) {
      throw new IllegalStateException("no statusCode in " + json);
    }
    return Integer.parseInt(status.group(1));
  }

  private static int viaSerializer(Object untyped, Path eventFile, ClassLoader loader)
      throws Exception {
    @SuppressWarnings("unchecked")
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
        (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) untyped;
    PojoSerializer<APIGatewayV2HTTPEvent> input =
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader);
    APIGatewayV2HTTPEvent event;
    try (InputStream in = Files.newInputStream(eventFile)) {
      event = input.fromJson(in);
    }
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    PojoSerializer<APIGatewayV2HTTPResponse> output =
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader);
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    output.toJson(response, json);
    return response.getStatusCode();
  }
}

package dev.newsroom.infra.packages;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One function's container, as the Lambda Java runtime builds it: a class loader holding only
 * the function's deployment package, whose parent holds only what the runtime brings
 * (aws-lambda-java-core and the runtime's event serialiser) over the JDK. Nothing from this test's
 * class path is visible to it, so a class the package lacks fails here as it would on Lambda.
 *
 * <p>The handler is built once with its public no-arg constructor (init), then invoked like the
 * runtime does: a {@code RequestStreamHandler} gets the event bytes; a {@code RequestHandler}
 * gets the event read by the runtime's serialiser into the type it declares, and its answer
 * written back to JSON the same way. A class that implements neither (say, because shrinking
 * dropped the interface) fails: the runtime would fall back to finding a method by name.
 */
final class PackagedFunction implements AutoCloseable {

  private static final String STREAM_HANDLER =
      "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
  private static final String REQUEST_HANDLER =
      "com.amazonaws.services.lambda.runtime.RequestHandler";
  private static final String SERIALIZERS =
      "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";
  private static final String POJO_SERIALIZERS =
      "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory";
  private static final String POJO_SERIALIZER =
      "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer";

  private final URLClassLoader runtime;
  private final URLClassLoader function;
  private final Object handler;

  private PackagedFunction(URLClassLoader runtime, URLClassLoader function, Object handler) {
    this.runtime = runtime;
    this.function = function;
    this.handler = handler;
  }

  /** Loads {@code handlerClass} from {@code jar} alone and constructs it. */
  static PackagedFunction start(Path jar, String handlerClass) throws Exception {
    URLClassLoader runtime = new URLClassLoader("lambda-runtime",
        new URL[] {jarOf(RequestHandler.class), jarOf(LambdaEventSerializers.class)},
        ClassLoader.getPlatformClassLoader());
    URLClassLoader function = new URLClassLoader("function", new URL[] {jar.toUri().toURL()},
        runtime);
    try {
      Object handler = inContext(function, () -> Class.forName(handlerClass, true, function)
          .getConstructor().newInstance());
      return new PackagedFunction(runtime, function, handler);
    } catch (Exception | Error e) {
      function.close();
      runtime.close();
      throw e;
    }
  }

  /** Invokes the handler with one event; returns the answer as the runtime would send it. */
  String invoke(String eventJson) throws Exception {
    return inContext(function, () -> {
      Class<?> streamHandler = runtime.loadClass(STREAM_HANDLER);
      if (streamHandler.isInstance(handler)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        streamHandler.getMethod("handleRequest", InputStream.class, OutputStream.class,
                runtime.loadClass("com.amazonaws.services.lambda.runtime.Context"))
            .invoke(handler, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)),
                out, null);
        return out.toString(StandardCharsets.UTF_8);
      }
      if (!runtime.loadClass(REQUEST_HANDLER).isInstance(handler)) {
        throw new IllegalStateException(handler.getClass().getName() + " in "
            + function.getURLs()[0] + " implements neither RequestStreamHandler nor"
            + " RequestHandler");
      }
      Method typed = typedHandleRequest();
      Class<?> pojoSerializer = runtime.loadClass(POJO_SERIALIZER);
      Object event = pojoSerializer.getMethod("fromJson", String.class)
          .invoke(serializer(typed.getGenericParameterTypes()[0]), eventJson);
      Object answer = typed.invoke(handler, event, null);
      if (answer == null) {
        return "null";
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pojoSerializer.getMethod("toJson", Object.class, OutputStream.class).invoke(
          serializer(answer.getClass()), answer, out);
      return out.toString(StandardCharsets.UTF_8);
    });
  }

  /** {@code handleRequest(In, Context)} as declared, not the erased bridge method. */
  private Method typedHandleRequest() {
    List<Method> candidates = Arrays.stream(handler.getClass().getMethods())
        .filter(m -> m.getName().equals("handleRequest") && m.getParameterCount() == 2
            && !m.isBridge())
        .toList();
    if (candidates.size() != 1) {
      throw new IllegalStateException(handler.getClass() + " has " + candidates.size()
          + " handleRequest(In, Context) methods");
    }
    return candidates.get(0);
  }

  /**
   * The runtime's choice: its event serialiser for the event classes it knows (with their
   * mix-ins), its plain Jackson serialiser for anything else (a Map, a POJO).
   */
  private Object serializer(Type type) throws ReflectiveOperationException {
    if (type instanceof Class<?> c && (boolean) runtime.loadClass(SERIALIZERS)
        .getMethod("isLambdaSupportedEvent", String.class).invoke(null, c.getName())) {
      return runtime.loadClass(SERIALIZERS).getMethod("serializerFor", Class.class,
          ClassLoader.class).invoke(null, c, function);
    }
    Class<?> factory = runtime.loadClass(POJO_SERIALIZERS);
    return factory.getMethod("getSerializer", Type.class)
        .invoke(factory.getMethod("getInstance").invoke(null), type);
  }

  @Override
  public void close() throws Exception {
    function.close();
    runtime.close();
  }

  private interface Work<T> {
    T run() throws Exception;
  }

  /** Runs with the function's loader as context loader (the runtime sets it too). */
  private static <T> T inContext(ClassLoader loader, Work<T> work) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return work.run();
    } catch (InvocationTargetException e) {
      // the handler's own failure, not the reflection's
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static URL jarOf(Class<?> type) throws MalformedURLException {
    try {
      return type.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
    } catch (URISyntaxException e) {
      throw new MalformedURLException(e.getMessage());
    }
  }
}

package dev.newsroom.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A port whose adapter is built on its first call. Wiring that serves several functions hands
 * each the same service, and a function reads the configuration (and needs the permissions) of
 * only the ports its use case calls.
 */
public final class Lazy {

  private Lazy() {}

  public static <T> T of(Class<T> port, Supplier<? extends T> build) {
    Supplier<T> once = new Supplier<>() {
      private T built;

      @Override
      public synchronized T get() {
        if (built == null) {
          built = build.get();
        }
        return built;
      }
    };
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "Lazy " + port.getSimpleName();
            };
          }
          try {
            return method.invoke(once.get(), args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }
}

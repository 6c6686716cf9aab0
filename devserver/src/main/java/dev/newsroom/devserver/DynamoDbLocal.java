package dev.newsroom.devserver;

import java.lang.reflect.Field;
import java.nio.file.Path;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (the real engine) over HTTP on 127.0.0.1 and a free port. It has no host flag,
 * so its Jetty connector is re-bound before start.
 */
public final class DynamoDbLocal implements AutoCloseable {

  private final DynamoDBProxyServer server;
  private final int port;

  private DynamoDbLocal(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a store kept in {@code dataDir}, or in memory when it is null. */
  public static DynamoDbLocal start(Path dataDir) throws Exception {
    String[] args = dataDir == null
        ? new String[] {"-inMemory", "-port", "8000", "-disableTelemetry"}
        : new String[] {"-sharedDb", "-dbPath", dataDir.toString(), "-port", "8000",
            "-disableTelemetry"};
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Object jetty = field.get(proxy);
    Object connector = ((Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty))[0];
    connector.getClass().getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
    connector.getClass().getMethod("setPort", int.class).invoke(connector, 0);
    proxy.start();
    int port = (int) connector.getClass().getMethod("getLocalPort").invoke(connector);
    return new DynamoDbLocal(proxy, port);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}

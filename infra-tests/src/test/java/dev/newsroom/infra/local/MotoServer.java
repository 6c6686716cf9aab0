package dev.newsroom.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.config.AwsClients;
import dev.newsroom.devserver.LocalSes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * moto server (pinned in requirements-dev.txt) as a child process on 127.0.0.1 and a free port:
 * SES v2, S3, SQS and SNS over their real protocols. The test that starts it closes it (in
 * {@code @AfterAll}); the process is stopped by its own handle, never by name.
 *
 * <p>Mail: moto keeps SES "Simple" sends without Reply-To or custom headers, but raw sends whole;
 * {@code SesMailer} sends raw, and {@link #rawEmails()} reads them back with a MIME parser.
 */
public final class MotoServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts moto, logging to {@code target/moto-<port>.log}. */
  public static MotoServer start() throws IOException, InterruptedException {
    int port = freePort();
    return start(port, Path.of("target", "moto-" + port + ".log"));
  }

  public static MotoServer start(Path logFile) throws IOException, InterruptedException {
    return start(freePort(), logFile);
  }

  private static MotoServer start(int port, Path logFile)
      throws IOException, InterruptedException {
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(python(), "-m", "moto.server", "-H", "127.0.0.1", "-p",
        Integer.toString(port))
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile())
        .start();
    MotoServer moto = new MotoServer(process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto server exited: see " + logFile
            + " (pip install -r requirements-dev.txt)");
      }
      try {
        if (moto.get("/moto-api/data.json").statusCode() == 200) {
          return moto;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    moto.close();
    throw new IllegalStateException("moto server did not start within 60 s: see " + logFile);
  }

  /** A port free right now on loopback (moto binds it a moment later). */
  public static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  /** {@code NEWSROOM_PYTHON}, else the python3 first on PATH (.ci/run puts .venv there). */
  private static String python() {
    String configured = System.getenv("NEWSROOM_PYTHON");
    return configured == null || configured.isBlank() ? "python3" : configured;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * An SES v2 client for moto. Built with no endpoint override: the SDK takes it from the
   * {@code aws.endpointUrlSesV2} property, as production code takes {@code AWS_ENDPOINT_URL_SESV2}.
   */
  public SesV2Client sesV2() {
    String previous = System.getProperty("aws.endpointUrlSesV2");
    System.setProperty("aws.endpointUrlSesV2", endpoint());
    try {
      return SesV2Client.builder().region(AwsClients.region())
          .credentialsProvider(AwsClients.credentials()).httpClient(AwsClients.httpClient())
          .build();
    } finally {
      if (previous == null) {
        System.clearProperty("aws.endpointUrlSesV2");
      } else {
        System.setProperty("aws.endpointUrlSesV2", previous);
      }
    }
  }

  /** Verifies a sending domain, as SES requires (moto refuses unverified senders). */
  public void verifyDomain(String domain) {
    try (SesV2Client ses = sesV2()) {
      ses.createEmailIdentity(r -> r.emailIdentity(domain));
    }
  }

  /** moto's own view of what it holds: {@code ses.Message[]}, {@code ses.RawMessage[]}, ... */
  public JsonNode data() {
    try {
      return JSON.readTree(get("/moto-api/data.json").body());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("moto data unreadable", e);
    }
  }

  /** The "Simple" emails SES accepted, oldest first (subject and one body only). */
  public JsonNode sentEmails() {
    return data().path("ses").path("Message");
  }

  /** The raw emails SES accepted, oldest first, parsed: headers, both bodies, Reply-To. */
  public List<LocalSes.Sent> rawEmails() {
    List<LocalSes.Sent> emails = new ArrayList<>();
    for (JsonNode raw : data().path("ses").path("RawMessage")) {
      emails.add(LocalSes.parse(raw.path("id").asText(), Instant.EPOCH, List.of(),
          raw.path("raw_data").asText().getBytes(StandardCharsets.UTF_8)));
    }
    return emails;
  }

  /** Forgets everything: mail, identities, buckets. */
  public void reset() {
    try {
      HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/reset"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("moto reset failed", e);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

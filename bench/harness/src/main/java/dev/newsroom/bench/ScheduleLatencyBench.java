package dev.newsroom.bench;

import dev.newsroom.devserver.DevServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How late scheduled articles appear in the dev server, whose sweep runs as template.yaml says
 * (rate(1 minute), at each whole minute) with the real handlers. Half the articles are scheduled
 * on a whole minute (what editors pick), half at a random second. For each article: when the
 * public API first answers 200, and when its rendered page first answers 200 (the stream-driven
 * site publisher), both measured from its publishAt by polling every 200 ms.
 */
public final class ScheduleLatencyBench {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  record Scheduled(String slug, Instant publishAt, boolean wholeMinute) {}

  public static void main(String[] args) throws Exception {
    var opts = BenchArgs.parse(args);
    int count = Integer.parseInt(opts.getOrDefault("articles", "20"));
    Path repo = Path.of(opts.getOrDefault("repo", "."));
    Random random = new Random(13);
    try (DevServer server = DevServer.start(repo, null, 0)) {
      String url = server.baseUrl();
      String key = server.editorKey();
      // The first whole minute at least 45 s away, so every schedule is written before it.
      Instant first = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
      List<Scheduled> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        boolean whole = i % 2 == 0;
        Instant at = first.plusSeconds(60L * (i % 2 == 0 ? (i / 2) % 2 : 0))
            .plusMillis(whole ? 0 : random.nextInt(60_000));
        String slug = "scheduled-" + i;
        send(url, key, "PUT", "/api/admin/articles/" + slug,
            "{\"title\":\"Scheduled " + i + "\",\"author\":\"Bench\",\"body\":\"On time.\"}");
        send(url, key, "POST", "/api/admin/articles/" + slug + "/schedule",
            "{\"publishAt\":\"" + at + "\"}");
        all.add(new Scheduled(slug, at, whole));
      }
      System.err.printf("%d articles scheduled between %s and %s; waiting for them%n", count,
          all.stream().map(Scheduled::publishAt).min(Instant::compareTo).orElseThrow(),
          all.stream().map(Scheduled::publishAt).max(Instant::compareTo).orElseThrow());
      double[] apiLate = new double[count];
      double[] pageLate = new double[count];
      boolean[] early = new boolean[count];
      int left = count * 2;
      Instant deadline = first.plusSeconds(240);
      while (left > 0 && Instant.now().isBefore(deadline)) {
        for (int i = 0; i < count; i++) {
          Scheduled s = all.get(i);
          if (apiLate[i] == 0 && status(url + "/api/articles/" + s.slug()) == 200) {
            apiLate[i] = seconds(s.publishAt());
            early[i] = apiLate[i] < 0;
            left--;
          }
          if (pageLate[i] == 0 && status(url + "/articles/" + s.slug() + "/") == 200) {
            pageLate[i] = seconds(s.publishAt());
            left--;
          }
        }
        Thread.sleep(200);
      }
      if (left > 0) {
        throw new IllegalStateException(left + " article API answers or pages never appeared");
      }
      System.out.println("Scheduled articles in the dev server (sweep at every whole minute, as "
          + "rate(1 minute)), lateness after publishAt in seconds:");
      System.out.printf("%-28s %8s %8s %8s %8s%n", "", "API p50", "API max", "page p50", "page max");
      row("on a whole minute (" + (count + 1) / 2 + ")", all, apiLate, pageLate, true);
      row("at a random second (" + count / 2 + ")", all, apiLate, pageLate, false);
      row("all (" + count + ")", all, apiLate, pageLate, null);
      long published = 0;
      for (boolean e : early) {
        published += e ? 1 : 0;
      }
      System.out.println("published before their time: " + published);
    }
  }

  private static void row(String label, List<Scheduled> all, double[] api, double[] page,
      Boolean whole) {
    List<Double> a = new ArrayList<>();
    List<Double> p = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (whole == null || all.get(i).wholeMinute() == whole) {
        a.add(api[i]);
        p.add(page[i]);
      }
    }
    System.out.printf("%-28s %8.1f %8.1f %8.1f %8.1f%n", label, Stats.median(a),
        Stats.percentile(a, 100), Stats.median(p), Stats.percentile(p, 100));
  }

  private static double seconds(Instant publishAt) {
    return Duration.between(publishAt, Instant.now()).toMillis() / 1000.0;
  }

  private static int status(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void send(String url, String key, String method, String path, String json)
      throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
        .method(method, HttpRequest.BodyPublishers.ofString(json))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
          + response.body());
    }
  }
}

package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The newsletter as a new user meets it on the dev server: subscribe, find the email at
 * /_outbox, confirm through the link's page, get the welcome email, unsubscribe with one click.
 */
class DevServerSubscriptionTest {

  private static final String READER = "dev.reader@example.org";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern HIDDEN_TOKEN =
      Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

  private static DevServer server;

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(DevServer.repoRoot(), null, 0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void newsletter_subscribeConfirmAndOneClickUnsubscribe_throughTheOutbox() throws Exception {
    // subscribe with the plain form, as the article page's newsletter box posts it
    HttpResponse<String> signup = post("/api/subscriptions",
        "application/x-www-form-urlencoded",
        "email=" + URLEncoder.encode(READER, StandardCharsets.UTF_8)
            + "&page=%2Farticles%2Fseed%2F&website=");
    assertThat(signup.statusCode()).isEqualTo(303);
    assertThat(signup.headers().firstValue("Location")).hasValue("/subscribe/thanks/");
    assertThat(get("/subscribe/thanks/").statusCode()).isEqualTo(200);

    // the confirmation email: at /_outbox, links on this server, one-click headers
    LocalSes.Sent confirmation = awaitMail("Confirm your subscription", 1);
    String confirmUrl = link(confirmation.text(), "/api/subscriptions/confirm");
    assertThat(confirmUrl).startsWith(server.baseUrl() + "/api/subscriptions/confirm?token=");
    assertThat(get("/_outbox").body()).contains("Confirm your subscription to Newsroom",
        "<a href=\"" + confirmUrl.replace("&", "&amp;") + "\">", "List-Unsubscribe-Post");

    // the link opens a page; only its button confirms
    HttpResponse<String> page = getUrl(confirmUrl);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Confirm my subscription");
    Matcher token = HIDDEN_TOKEN.matcher(page.body());
    assertThat(token.find()).isTrue();
    assertThat(awaitMailCount("Welcome to the Newsroom newsletter", 0, 500)).isZero();
    HttpResponse<String> confirmed = post("/api/subscriptions/confirm",
        "application/x-www-form-urlencoded", "token=" + token.group(1));
    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(confirmed.headers().firstValue("Location")).hasValue("/subscribe/confirmed/");
    assertThat(get("/subscribe/confirmed/").body()).contains("You are subscribed");

    // the welcome email, and a mail client's one-click unsubscribe on its header
    LocalSes.Sent welcome = awaitMail("Welcome to the Newsroom newsletter", 1);
    String header = welcome.headers().get("List-Unsubscribe");
    assertThat(welcome.headers()).containsEntry("List-Unsubscribe-Post",
        "List-Unsubscribe=One-Click");
    String unsubscribeUrl = header.substring(1, header.length() - 1);
    assertThat(welcome.text()).contains(unsubscribeUrl);
    HttpResponse<String> oneClick = HTTP.send(HttpRequest.newBuilder(URI.create(unsubscribeUrl))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(getUrl(unsubscribeUrl).body()).contains("You are unsubscribed")
        .doesNotContain("<form class=\"stacked-form\"");

    // subscribing again needs a new confirmation
    post("/api/subscriptions", "application/json", "{\"email\":\"" + READER + "\"}");
    awaitMail("Confirm your subscription", 2);
  }

  /**
   * The same, in a real browser (Debian's headless Chromium), without leaving it: the newsletter
   * box on an article, the email at /_outbox, its confirm link and button, then the outbox's
   * one-click button, which POSTs to the List-Unsubscribe URL as a mail client does.
   */
  @Test
  void newsletter_inABrowser_subscribeConfirmAndUnsubscribeFromTheOutbox() throws Exception {
    assumeTrue(new File("/usr/bin/chromium").canExecute()
        && new File("/usr/bin/chromedriver").canExecute(), "no Chromium: apt-get install "
        + "chromium chromium-driver");
    String reader = "browser.reader@example.org";
    java.nio.file.Path profile = Files.createTempDirectory("chromium-profile");
    WebDriver browser = chromium(profile);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      browser.get(server.baseUrl() + "/articles/" + SeedContent.SEED_SLUG + "/");
      browser.findElement(By.id("newsletter-email")).sendKeys(reader);
      browser.findElement(By.cssSelector("#newsletter button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#newsletter .form-done")));

      String mail = "//article[.//dd[contains(., '" + reader + "')]]";
      browser.get(server.baseUrl() + "/_outbox");
      wait.until(d -> {
        d.navigate().refresh();
        return !d.findElements(By.xpath(mail + "//a[contains(@href, '/confirm?token=')]"))
            .isEmpty();
      });
      browser.findElement(By.xpath(mail + "//a[contains(@href, '/confirm?token=')]")).click();
      wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Confirm your subscription"));
      browser.findElement(By.cssSelector("main form button")).click();
      wait.until(ExpectedConditions.urlContains("/subscribe/confirmed/"));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are subscribed");

      String welcome = "//article[h2[starts-with(., 'Welcome')] and .//dd[contains(., '"
          + reader + "')]]";
      browser.get(server.baseUrl() + "/_outbox");
      wait.until(d -> {
        d.navigate().refresh();
        return !d.findElements(By.xpath(welcome)).isEmpty();
      });
      browser.findElement(By.xpath(welcome + "//form/button")).click();
      wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "You are unsubscribed"));
    } finally {
      browser.quit();
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(java.nio.file.Path::toFile)
            .forEach(File::delete);
      }
    }
  }

  private static WebDriver chromium(java.nio.file.Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1600",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static LocalSes.Sent awaitMail(String subjectStart, int count) throws Exception {
    assertThat(awaitMailCount(subjectStart, count, 15_000)).as(subjectStart).isEqualTo(count);
    List<LocalSes.Sent> mails = mails(subjectStart);
    LocalSes.Sent last = mails.get(mails.size() - 1);
    assertThat(last.to()).containsExactly(READER);
    return last;
  }

  private static int awaitMailCount(String subjectStart, int count, long millis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (mails(subjectStart).size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    return mails(subjectStart).size();
  }

  private static List<LocalSes.Sent> mails(String subjectStart) {
    return server.ses().sent().stream().filter(m -> m.subject().startsWith(subjectStart)
        && m.to().contains(READER)).toList();
  }

  private static String link(String text, String path) {
    Matcher m = Pattern.compile(Pattern.quote(server.baseUrl() + path) + "\\?token=[\\w.-]+")
        .matcher(text);
    assertThat(m.find()).as("a link to %s in:%n%s", path, text).isTrue();
    return m.group();
  }

  @Test
  void signup_whenAJsonBodyIsNotUtf8_isRefusedAsLambdaRefusesIt() throws Exception {
    byte[] body = {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', 'x', '@', 'e', 'x', '.',
        'o', 'r', 'g', '"', ',', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'R', (byte) 0xC3, '"',
        '}'};

    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create(server.baseUrl() + "/api/subscriptions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("\"code\":\"invalid_encoding\"");
  }

  private static HttpResponse<String> post(String path, String type, String body)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return getUrl(server.baseUrl() + path);
  }

  private static HttpResponse<String> getUrl(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

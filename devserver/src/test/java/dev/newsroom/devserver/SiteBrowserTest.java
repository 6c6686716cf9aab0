package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in a real browser (Debian's headless Chromium through Selenium), against the dev
 * server: pages, both forms with and without JavaScript, and the page budget. Screenshots go to
 * target/screenshots.
 */
class SiteBrowserTest {

  static final String SUCCESS = "Thank you! Your submission has been received!";
  static final String FAILURE = "Oops! Something went wrong while submitting the form";
  static final String SEED_TITLE =
      "US Bombers HIT Iran-Backed Militias HARD in Syria and Iraq After Deadly Drone Attack";
  static final int BUDGET_BYTES = 30 * 1024;
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static DevServer server;
  private static WebDriver browser;
  private static WebDriver noScriptBrowser;

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(DevServer.repoRoot(), null, 0);
    Files.createDirectories(SCREENSHOTS);
    browser = chromium(true);
    noScriptBrowser = chromium(false);
  }

  @AfterAll
  static void stop() throws Exception {
    for (WebDriver driver : new WebDriver[] {browser, noScriptBrowser}) {
      if (driver != null) {
        driver.quit();
      }
    }
    server.close();
  }

  @Test
  void home_whenOpened_leadsToTheSeedArticleStyledAsANewsPage() throws Exception {
    // given the home page
    browser.get(server.baseUrl() + "/");
    assertThat(browser.getTitle()).isEqualTo("Latest news | Newsroom");
    screenshot(browser, "home");

    // when the reader follows the seed article's link
    browser.findElement(By.linkText(SEED_TITLE)).click();
    wait(browser).until(ExpectedConditions.urlContains("/articles/"));

    // then the article page shows the seed's parts, styled by the site's stylesheet
    assertThat(browser.getCurrentUrl())
        .isEqualTo(server.baseUrl() + "/articles/" + SeedContent.SEED_SLUG + "/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(SEED_TITLE);
    assertThat(browser.findElement(By.cssSelector(".standfirst")).getText())
        .startsWith("Decisive US air strikes");
    assertThat(browser.findElement(By.cssSelector(".byline time")).getText())
        .isEqualTo("February 3, 2024");
    assertThat(browser.findElement(By.cssSelector("#newsletter .lede")).getText()).isEqualTo(
        "Subscribe to our newsletter to be the first to know about our new videos and updates.");
    assertThat(browser.findElement(By.id("contact-cta-title")).getText())
        .isEqualTo("DO YOU WANT TO\nContact Us?");
    assertThat(browser.findElement(By.linkText("Contact Form")).getAttribute("href"))
        .endsWith("/contact/");
    assertThat(js(browser, "return getComputedStyle(document.querySelector('h1')).fontFamily"))
        .asString().contains("Georgia");
    screenshot(browser, "article");
  }

  @Test
  void articlePage_whenChecked_isAccessibleAndFitsA320PixelScreen() throws Exception {
    browser.get(server.baseUrl() + "/articles/" + SeedContent.SEED_SLUG + "/");

    // landmarks, and a label for every field a person fills in
    assertThat(browser.findElements(By.cssSelector("header.masthead, nav, main, footer")))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(js(browser, "return [...document.querySelectorAll('input:not([type=hidden]),"
        + "textarea')].filter(e => !e.closest('[aria-hidden=true]') && e.labels.length === 0)"
        + ".map(e => e.name)")).asList().isEmpty();
    // text contrast of at least 4.5:1 (3:1 for large text) against the painted background
    assertThat(js(browser, CONTRAST_FAILURES)).asList().isEmpty();
    // keyboard focus is visible: the first Tab lands on the skip link, with an outline
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(js(browser, "const s = getComputedStyle(document.activeElement);"
        + "return document.activeElement.textContent + '|' + s.outlineStyle + '|' + s.outlineWidth"))
        .isEqualTo("Skip to content|solid|3px");

    // at 320 CSS pixels nothing overflows sideways
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(320, 900));
    try {
      browser.navigate().refresh();
      assertThat(js(browser, "return window.innerWidth")).isEqualTo(320L);
      assertThat(js(browser, "const d = document.documentElement;"
          + "return d.scrollWidth - d.clientWidth")).isEqualTo(0L);
      screenshot(browser, "article-320px");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
    }
  }

  @Test
  void articlePage_whenLoaded_staysWithinBudgetWithNoThirdPartyRequests() throws Exception {
    browser.get(server.baseUrl() + "/articles/" + SeedContent.SEED_SLUG + "/");
    wait(browser).until(d -> "complete".equals(js(d, "return document.readyState")));

    // every request the page made, as the browser's resource timing saw it
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resources = (List<Map<String, Object>>) js(browser,
        "return performance.getEntriesByType('navigation').concat("
            + "performance.getEntriesByType('resource')).map(e => ({url: e.name,"
            + " type: e.initiatorType, bytes: e.decodedBodySize}))");
    String origin = server.baseUrl();
    assertThat(resources).extracting(r -> (String) r.get("url"))
        .allMatch(url -> url.startsWith(origin + "/"), "same origin")
        .noneMatch(url -> url.matches("(?i).*\\.(woff2?|ttf|otf|eot)(\\?.*)?"), "a web font");
    long htmlCssJs = resources.stream()
        .filter(r -> !"img".equals(r.get("type")) && !"other".equals(r.get("type"))
            || String.valueOf(r.get("url")).matches(".*\\.(css|js)$"))
        .mapToLong(r -> ((Number) r.get("bytes")).longValue()).sum();
    System.out.println("article page weight (HTML+CSS+JS, uncompressed): " + htmlCssJs
        + " bytes; resources " + resources);
    assertThat(resources).extracting(r -> (String) r.get("url")).contains(
        origin + "/static/site.css", origin + "/static/forms.js");
    assertThat(htmlCssJs).isPositive().isLessThanOrEqualTo(BUDGET_BYTES);

    // the page source names nothing outside the site either
    assertThat(js(browser, "return [...document.querySelectorAll('[src],link[href]')]"
        + ".map(e => e.src || e.href).filter(u => !u.startsWith(location.origin + '/'))"))
        .asList().isEmpty();
    // every image has its size and loads lazily
    assertThat(js(browser, "return [...document.images].filter(i => !i.getAttribute('width')"
        + " || !i.getAttribute('height') || i.loading !== 'lazy').length")).isEqualTo(0L);
  }

  @Test
  void contactForm_withScript_disablesTheButtonThenShowsSuccessInPlace() throws Exception {
    browser.get(server.baseUrl() + "/contact/");
    fillContact(browser, "Browser Reader", "reader@example.org");
    screenshot(browser, "contact-filled");

    // a slow network, so the request is still on its way when we look at the button
    ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
    slow.setLatency(Duration.ofMillis(1500));
    ((ChromeDriver) browser).setNetworkConditions(slow);
    WebElement button = browser.findElement(By.cssSelector("form[action='/api/contact'] button"));
    try {
      button.click();
      assertThat(button.isEnabled()).as("button while sending").isFalse();

      WebElement done = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".contact-page .form-done")));
      assertThat(done.getText()).isEqualTo(SUCCESS);
    } finally {
      ((ChromeDriver) browser).deleteNetworkConditions();
    }
    assertThat(browser.findElement(By.cssSelector("form[action='/api/contact']")).isDisplayed())
        .isFalse();
    assertThat(browser.getCurrentUrl()).endsWith("/contact/");
    screenshot(browser, "contact-success");
  }

  @Test
  void contactForm_whenServerRefuses_showsFailureWithTheReasonAndKeepsTheTypedText() throws Exception {
    browser.get(server.baseUrl() + "/contact/");
    // the browser accepts an address without a dot in its domain; the API does not (400)
    fillContact(browser, "Careless Reader", "reader@localhost");

    browser.findElement(By.cssSelector("form[action='/api/contact'] button")).click();

    WebElement fail = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".contact-page .form-fail")));
    // the API's reason under the failure text, as the page without JavaScript shows it
    assertThat(fail.getText()).isEqualTo(FAILURE + "\nThe email address is not valid.");
    assertThat(browser.findElement(By.id("contact-name")).getAttribute("value"))
        .isEqualTo("Careless Reader");
    assertThat(browser.findElement(By.id("contact-message")).getAttribute("value"))
        .isEqualTo("A tip about the story, with <b>markup</b>.");
    assertThat(browser.findElement(By.cssSelector("form[action='/api/contact'] button"))
        .isEnabled()).isTrue();
    assertThat(browser.findElement(By.cssSelector(".contact-page .form-done")).isDisplayed())
        .isFalse();
    screenshot(browser, "contact-failure");
  }

  @Test
  void contactForm_withoutScript_landsOnTheThankYouPage() throws Exception {
    noScriptBrowser.get(server.baseUrl() + "/contact/");
    fillContact(noScriptBrowser, "Plain Reader", "plain@example.org");

    noScriptBrowser.findElement(By.cssSelector("form[action='/api/contact'] button")).click();

    wait(noScriptBrowser).until(ExpectedConditions.urlContains("/contact/thanks/"));
    assertThat(noScriptBrowser.findElement(By.tagName("h1")).getText()).isEqualTo(SUCCESS);
    screenshot(noScriptBrowser, "contact-thanks-no-js");
  }

  @Test
  void newsletter_withScript_showsSuccessInPlace() throws Exception {
    browser.get(server.baseUrl() + "/articles/" + SeedContent.SEED_SLUG + "/");
    browser.findElement(By.id("newsletter-email")).sendKeys("browser.reader@example.org");

    browser.findElement(By.cssSelector("#newsletter button")).click();

    WebElement done = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#newsletter .form-done")));
    assertThat(done.getText()).isEqualTo(SUCCESS);
    screenshot(browser, "newsletter-success");
  }

  @Test
  void newsletter_whenServerRefuses_showsFailureWithTheReasonAndKeepsTheTypedAddress() throws Exception {
    browser.get(server.baseUrl() + "/articles/" + SeedContent.SEED_SLUG + "/");
    browser.findElement(By.id("newsletter-email")).sendKeys("reader@localhost");

    browser.findElement(By.cssSelector("#newsletter button")).click();

    WebElement fail = wait(browser).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#newsletter .form-fail")));
    assertThat(fail.getText()).isEqualTo(FAILURE + "\nThe email address is not valid.");
    assertThat(browser.findElement(By.id("newsletter-email")).getAttribute("value"))
        .isEqualTo("reader@localhost");
    screenshot(browser, "newsletter-failure");
  }

  @Test
  void newsletter_withoutScript_landsOnTheThankYouPage() throws Exception {
    noScriptBrowser.get(server.baseUrl() + "/articles/" + SeedContent.SEED_SLUG + "/");
    noScriptBrowser.findElement(By.id("newsletter-email")).sendKeys("plain.reader@example.org");

    noScriptBrowser.findElement(By.cssSelector("#newsletter button")).click();

    wait(noScriptBrowser).until(ExpectedConditions.urlContains("/subscribe/thanks/"));
    assertThat(noScriptBrowser.findElement(By.tagName("h1")).getText()).isEqualTo(SUCCESS);
    screenshot(noScriptBrowser, "newsletter-thanks-no-js");
  }

  @Test
  void newsletter_withoutScriptWhenServerRefuses_showsTheFailurePageWithTheReason()
      throws Exception {
    noScriptBrowser.get(server.baseUrl() + "/articles/" + SeedContent.SEED_SLUG + "/");
    noScriptBrowser.findElement(By.id("newsletter-email")).sendKeys("reader@localhost");

    noScriptBrowser.findElement(By.cssSelector("#newsletter button")).click();

    WebElement heading = wait(noScriptBrowser).until(
        ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    assertThat(heading.getText()).isEqualTo(FAILURE);
    assertThat(noScriptBrowser.findElement(By.tagName("main")).getText())
        .contains("The email address is not valid.");
    screenshot(noScriptBrowser, "newsletter-failure-no-js");
  }

  private static void fillContact(WebDriver driver, String name, String email) {
    driver.findElement(By.id("contact-name")).sendKeys(name);
    driver.findElement(By.id("contact-email")).sendKeys(email);
    driver.findElement(By.id("contact-subject")).sendKeys("From the browser test");
    driver.findElement(By.id("contact-message"))
        .sendKeys("A tip about the story, with <b>markup</b>.");
  }

  private static WebDriver chromium(boolean javascript) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
        "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    if (!javascript) {
      options.setExperimentalOption("prefs",
          Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .usingAnyFreePort()
        .build();
    return new ChromeDriver(service, options);
  }

  private static WebDriverWait wait(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  private static Object js(WebDriver driver, String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static void screenshot(WebDriver driver, String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Elements with their own text whose contrast with the painted background is below AA. */
  private static final String CONTRAST_FAILURES = """
      function rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return m; }
      function lum(c) { return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); }
      function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
      function background(e) {
        for (; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length < 4 || c[3] > 0) return c;
        }
        return [255, 255, 255];
      }
      const failures = [];
      for (const e of document.querySelectorAll('body *')) {
        const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own || !e.getClientRects().length || e.closest('[aria-hidden=true],.hp')) continue;
        const s = getComputedStyle(e);
        if (s.visibility === 'hidden') continue;
        const f = lum(rgb(s.color)), b = lum(background(e));
        const ratio = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
        const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
        const large = size >= 24 || (bold && size >= 18.66);
        if (ratio < (large ? 3 : 4.5)) failures.push(e.tagName + ' ' + e.textContent.trim().slice(0, 30) + ' ' + ratio.toFixed(2));
      }
      return failures;
      """;
}

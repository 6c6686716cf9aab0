package dev.newsroom.infra.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.Newsroom;
import dev.newsroom.mail.EmailMessage;
import dev.newsroom.newsletter.NewsletterArticle;
import dev.newsroom.newsletter.NewsletterContent;
import dev.newsroom.newsletter.NewslettersWiring;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.subscriptions.SubscriberIds;
import dev.newsroom.web.ApiEvents;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Newsletter topics on real protocols: the functions template.yaml names for signup, the
 * preferences link and unsubscribe, with their real adapters (DynamoDB Local, the link key from
 * moto's Secrets Manager), driven by the links of a newsletter the production renderer made.
 */
@ExtendWith(LocalCloud.class)
class PreferencesIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Pattern LINK = Pattern.compile(
      "https://news\\.example\\.org(/api/subscriptions/[a-z-]+)\\?token=([A-Za-z0-9_.-]+)");

  private static Newsroom newsroom;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void start() {
    newsroom = new Newsroom();
    dynamoDb = AwsClients.dynamoDb();
  }

  @Test
  void subscriberStoredBeforeTopics_followsAllNews_andChoosesTagsThroughTheNewslettersLink() {
    // given a confirmed subscriber exactly as the release before topics stored it
    String address = address("legacy");
    Map<String, AttributeValue> before = legacyProfile(address);
    dynamoDb.putItem(r -> r.tableName(table()).item(before));

    // when the newsletter's "Choose your topics" link is opened
    EmailMessage mail = newsletterTo(address);
    String preferences = link(mail.html(), "/api/subscriptions/preferences");
    APIGatewayV2HTTPResponse page = invoke(event("GET", preferences));

    // then the page shows all news chosen, and nothing was written
    assertThat(page.getStatusCode()).isEqualTo(200);
    Document html = Jsoup.parse(page.getBody());
    assertThat(html.select("input[name=topics][value=all]").hasAttr("checked")).isTrue();
    assertThat(profile(address)).isEqualTo(before);

    // when the form is posted with two tags
    APIGatewayV2HTTPResponse saved = invoke(form(preferences,
        "topics=tags&tags=climate&tags=Local-News"));

    // then they are stored as a string set, with the consent log entry
    assertThat(saved.getStatusCode()).isEqualTo(200);
    assertThat(profile(address).get("topicTags").ss())
        .containsExactlyInAnyOrder("climate", "local-news");
    assertThat(profile(address).get("version").n()).isEqualTo("4");
    assertThat(consentLog(address)).singleElement().satisfies(e -> {
      assertThat(e.get("type").s()).isEqualTo("preferences");
      assertThat(e.get("detail").s()).isEqualTo("tags:climate,local-news");
    });
    assertThat(Jsoup.parse(invoke(event("GET", preferences)).getBody())
        .select("input[type=checkbox][checked]").eachAttr("value"))
        .containsExactly("climate", "local-news");

    // and back to all news, as JSON: the attribute goes
    APIGatewayV2HTTPEvent json = event("POST", preferences);
    json.getHeaders().put("content-type", "application/json");
    json.setBody("{\"topics\":\"all\"}");
    assertThat(invoke(json).getBody()).isEqualTo("{\"status\":\"saved\"}");
    assertThat(profile(address)).doesNotContainKey("topicTags");
  }

  @Test
  void badTopicsForgedAndCrossPurposeLinks_changeNothingInTheTable() {
    String address = address("refused");
    dynamoDb.putItem(r -> r.tableName(table()).item(legacyProfile(address)));
    EmailMessage mail = newsletterTo(address);
    String preferences = link(mail.html(), "/api/subscriptions/preferences");
    String unsubscribe = link(mail.html(), "/api/subscriptions/unsubscribe");
    Map<String, AttributeValue> before = profile(address);

    assertThat(invoke(form(preferences, "topics=tags&tags=no+spaces")).getStatusCode())
        .isEqualTo(400);
    assertThat(invoke(form(preferences, "topics=tags")).getStatusCode()).isEqualTo(400);
    String forged = preferences.substring(0, preferences.length() - 1)
        + (preferences.endsWith("A") ? "B" : "A");
    assertThat(invoke(form(forged, "tags=climate")).getStatusCode()).isEqualTo(404);
    String crossed = "https://news.example.org/api/subscriptions/preferences?token="
        + URI.create(unsubscribe).getQuery().substring("token=".length());
    assertThat(invoke(form(crossed, "tags=climate")).getStatusCode()).isEqualTo(404);
    assertThat(invoke(event("GET", crossed)).getStatusCode()).isEqualTo(404);

    assertThat(profile(address)).isEqualTo(before);
    assertThat(consentLog(address)).isEmpty();
  }

  @Test
  void signupWithATag_storesIt_andTheNewslettersOneClickUnsubscribeClosesThePreferences() {
    // given a signup from a tag page that follows that tag only
    String address = address("signup");
    APIGatewayV2HTTPEvent signup = ApiEvents.request("POST", "/api/subscriptions")
        .json("{\"email\":\"" + address + "\",\"tags\":[\"climate\"]}")
        .header("user-agent", "PreferencesIT/1.0").build();
    signup.getRequestContext().getHttp().setSourceIp(ip());
    assertThat(newsroom.invoke("SubscribeFunction", signup).getStatusCode()).isEqualTo(202);
    assertThat(profile(address).get("topicTags").ss()).containsExactly("climate");

    // when a mail client makes the RFC 8058 POST to the newsletter's List-Unsubscribe URL
    EmailMessage mail = newsletterTo(address);
    String header = mail.headers().get("List-Unsubscribe");
    APIGatewayV2HTTPEvent oneClick = event("POST", header.substring(1, header.length() - 1));
    oneClick.getHeaders().put("content-type", FORM);
    oneClick.setBody("List-Unsubscribe=One-Click");
    assertThat(newsroom.invoke("UnsubscribeFunction", oneClick).getStatusCode()).isEqualTo(200);

    // then the subscriber is unsubscribed, and the preferences link says so, without a form
    assertThat(profile(address).get("status").s()).isEqualTo("unsubscribed");
    APIGatewayV2HTTPResponse page = invoke(event("GET",
        link(mail.html(), "/api/subscriptions/preferences")));
    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getBody()).contains("You are not subscribed").doesNotContain("<form");
  }

  /** What the sender function will call: the renderer wired from the environment. */
  private static EmailMessage newsletterTo(String address) {
    return NewslettersWiring.renderer().render(new NewsletterContent("This week", "The news",
        List.of(new NewsletterArticle("it-article", "A title", "A summary", null,
            "https://img.example.org/a.jpg", "alt", "<p>Body.</p>"))), id(address), address);
  }

  private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
    return newsroom.invoke("PreferencesFunction", event);
  }

  /** A link of the email, opened (GET) or posted to, as API Gateway hands it over. */
  private static APIGatewayV2HTTPEvent event(String method, String url) {
    URI uri = URI.create(url);
    APIGatewayV2HTTPEvent event = ApiEvents.request(method, uri.getPath())
        .query("token", uri.getQuery().substring("token=".length()))
        .header("accept", "text/html").header("user-agent", "PreferencesIT/1.0").build();
    event.setHeaders(new HashMap<>(event.getHeaders()));
    event.getRequestContext().getHttp().setSourceIp(ip());
    return event;
  }

  private static APIGatewayV2HTTPEvent form(String url, String body) {
    APIGatewayV2HTTPEvent event = event("POST", url);
    event.getHeaders().put("content-type", FORM);
    event.setBody(body);
    return event;
  }

  private static Map<String, AttributeValue> legacyProfile(String address) {
    String now = Instant.now().toString();
    return Map.of("pk", s("sub#" + id(address)), "sk", s("profile"), "id", s(id(address)),
        "email", s(address), "status", s("confirmed"), "version", AttributeValue.fromN("3"),
        "createdAt", s(now), "updatedAt", s(now), "confirmedAt", s(now),
        "signupId", s("legacysignup"));
  }

  private static String link(String html, String path) {
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      if (m.group(1).equals(path)) {
        return m.group();
      }
    }
    throw new AssertionError("no link to " + path);
  }

  private static Map<String, AttributeValue> profile(String address) {
    return dynamoDb.getItem(r -> r.tableName(table()).consistentRead(true).key(Map.of(
        "pk", s("sub#" + id(address)), "sk", s("profile")))).item();
  }

  private static List<Map<String, AttributeValue>> consentLog(String address) {
    return dynamoDb.query(r -> r.tableName(table()).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :event)")
        .expressionAttributeValues(Map.of(":pk", s("sub#" + id(address)),
            ":event", s("event#")))).items();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static String id(String address) {
    return SubscriberIds.of(EmailAddress.parse(address));
  }

  private static String table() {
    return Env.require("SUBSCRIBERS_TABLE");
  }

  private static String address(String label) {
    return label + "." + Long.toString(RANDOM.nextLong() >>> 1, 36) + "@example.org";
  }

  private static String ip() {
    return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
  }
}

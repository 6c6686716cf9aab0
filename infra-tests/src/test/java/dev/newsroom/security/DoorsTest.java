package dev.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.devserver.HttpApiBridge;
import dev.newsroom.infra.Answers;
import dev.newsroom.infra.ApiCall;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.LogCapture;
import dev.newsroom.infra.SampleRequests;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.infra.Templates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every door checked: each editor route of template.yaml (and openapi.yaml, when it exists)
 * refuses every kind of bad credential with 401 and changes nothing; a method a path does not
 * declare never reaches a function; drafts and unpublished articles stay invisible in the API,
 * the pages and the feed; and the log guard of this suite really catches leaks.
 */
class DoorsTest {

  private static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "PATCH");
  private final Emulators world = Emulators.shared();

  /** Every editor door: from the template, plus any openapi.yaml declares. */
  static Set<String> adminRouteKeys() {
    Set<String> keys = new LinkedHashSet<>();
    Templates.routes().stream().filter(Templates.Route::admin).forEach(r -> keys.add(r.key()));
    Templates.openApiRoutes().stream().filter(k -> k.contains(" /api/admin/")).forEach(keys::add);
    return keys;
  }

  @Test
  void adminRoutes_inOpenApi_areAllServedByTheTemplate() {
    Set<String> template = new LinkedHashSet<>();
    Templates.routes().forEach(r -> template.add(r.key()));

    assertThat(adminRouteKeys()).as("admin routes").isNotEmpty();
    assertThat(template).as("every admin route openapi.yaml declares has a function")
        .containsAll(adminRouteKeys());
  }

  @TestFactory
  List<DynamicTest> everyAdminRoute_refusesEveryBadCredentialWith401_andChangesNothing() {
    String valid = world.editorKey();
    String revoked = world.revokedKey();
    String keyId = valid.split("\\.")[1];
    String secret = valid.split("\\.")[2];
    String otherSecret = world.mintKey("other-editor").split("\\.")[2];
    Map<String, String> credentials = new java.util.LinkedHashMap<>();
    credentials.put("no header", null);
    credentials.put("empty", "");
    credentials.put("scheme only", "Bearer");
    credentials.put("basic", "Basic ZWRpdG9yOnBhc3N3b3Jk");
    credentials.put("key without scheme", valid);
    credentials.put("wrong prefix", "Bearer " + valid.replace("nrk.", "nrx."));
    credentials.put("truncated", "Bearer " + valid.substring(0, valid.length() - 1));
    credentials.put("padded", "Bearer " + valid + "A");
    credentials.put("unknown key id", "Bearer nrk.AAAAAAAAAAAAAAAA." + secret);
    credentials.put("another editor's secret", "Bearer nrk." + keyId + "." + otherSecret);
    credentials.put("revoked", "Bearer " + revoked);
    credentials.put("two keys", "Bearer " + valid + ", Bearer " + valid);
    credentials.put("huge", "Bearer " + "A".repeat(10_000));
    credentials.put("CR/LF", "Bearer " + valid + "\r\nX-Editor: admin");
    List<DynamicTest> tests = new ArrayList<>();
    for (Templates.Route route : Templates.routes()) {
      if (!route.admin()) {
        continue;
      }
      credentials.forEach((name, credential) -> tests.add(DynamicTest.dynamicTest(
          route.key() + " with " + name, () -> {
            // given a request the route would accept with a valid key
            APIGatewayV2HTTPEvent event = SampleRequests.acceptable(route, valid);
            Map<String, String> headers = new HashMap<>(event.getHeaders() == null ? Map.of()
                : event.getHeaders());
            headers.remove("authorization");
            if (credential != null) {
              headers.put("authorization", credential);
            }
            event.setHeaders(headers);
            world.dynamoDbProxy().clearCalls();

            // when it is sent with the bad credential
            APIGatewayV2HTTPResponse response = world.invoke(route.handlerClass(), event);

            // then 401, the challenge, our error shape, and nothing written
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(401);
            assertThat(Answers.header(response, "www-authenticate")).isEqualTo("Bearer");
            assertThat(Answers.isJsonError(response)).isTrue();
            assertThat(world.dynamoDbProxy().calls().stream()
                .filter(FaultProxy.Call::changedState)).isEmpty();
            SuiteReport.count("doors: bad credential x admin route", 1);
          })));
    }
    return tests;
  }

  /**
   * HTTP API matches method and path before any function runs; an unmatched method is API
   * Gateway's own 404 {"message":"Not Found"} (the dev server's bridge answers the same), so a
   * valid key on the wrong method reaches no code at all.
   */
  @Test
  void everyAdminPath_withAMethodItDoesNotDeclare_reachesNoFunction() {
    HttpApiBridge gateway = new HttpApiBridge(Templates.sam().routes());
    Map<String, Set<String>> declared = new HashMap<>();
    Templates.routes().forEach(r -> declared.computeIfAbsent(r.path(), p -> new LinkedHashSet<>())
        .add(r.method()));
    int checked = 0;
    for (Map.Entry<String, Set<String>> path : declared.entrySet()) {
      if (!path.getKey().startsWith("/api/admin/")) {
        continue;
      }
      String rawPath = path.getKey().replaceAll("\\{[^}]+}", "some-id");
      for (String method : METHODS) {
        var match = gateway.match(method, rawPath);
        if (path.getValue().contains(method)) {
          assertThat(match).as("%s %s", method, rawPath).isPresent();
        } else {
          assertThat(match.map(m -> m.route().path()).orElse("none"))
              .as("%s %s must not reach a function declared for another method", method,
                  rawPath).isNotEqualTo(path.getKey());
          checked++;
        }
      }
    }
    SuiteReport.count("doors: wrong method x admin path", checked);
    assertThat(checked).isPositive();
  }

  @Test
  void draftsAndUnpublishedArticles_areInvisibleInTheApiPagesAndFeed() {
    // given a draft, and an article that was published then unpublished, with marked content
    String run = UUID.randomUUID().toString().substring(0, 8);
    String draft = "door-draft-" + run;
    String withdrawn = "door-withdrawn-" + run;
    String marker = "Secretmarker" + run;
    String body = "{\"title\":\"" + marker + " title\",\"summary\":\"" + marker
        + "\",\"author\":\"Door\",\"body\":\"" + marker + " body\",\"tags\":[\"door-" + run
        + "\"]}";
    assertThat(put(draft, body).getStatusCode()).isEqualTo(201);
    assertThat(put(withdrawn, body).getStatusCode()).isEqualTo(201);
    assertThat(post(withdrawn, "publish").getStatusCode()).isEqualTo(200);
    var publisher = world.driver("SitePublisherFunction");
    publisher.drain();
    assertThat(world.siteKeys()).as("published page exists first")
        .anyMatch(k -> k.contains(withdrawn));
    assertThat(post(withdrawn, "unpublish").getStatusCode()).isEqualTo(200);
    publisher.drain();

    // then the public API does not know them, by slug, listing or tag
    for (String slug : List.of(draft, withdrawn)) {
      APIGatewayV2HTTPResponse one = ApiCall.to("GET", "/api/articles/{slug}").path("slug", slug)
          .invoke();
      assertThat(one.getStatusCode()).isEqualTo(404);
    }
    assertThat(allPublicListings("door-" + run)).doesNotContain(marker);
    assertThat(allPublicListings(null)).doesNotContain(marker);

    // and no object in the site bucket names or contains them
    for (String key : world.siteKeys()) {
      assertThat(key).doesNotContain(draft).doesNotContain(withdrawn);
      if (key.endsWith(".html") || key.endsWith(".xml") || key.endsWith(".txt")) {
        assertThat(world.siteObject(key)).as(key).doesNotContain(marker);
      }
    }
  }

  @Test
  void logGuard_catchesAnAddressAKeyAndARememberedSecret() {
    // given the guard's position
    int mark = LogCapture.mark();
    String secret = "a remembered message text " + UUID.randomUUID();
    LogCapture.remember(secret);

    // when a line of each kind is written, as a careless handler would
    System.out.println("{\"event\":\"oops\",\"to\":\"someone@example.org\"}");
    System.out.println("{\"event\":\"oops\",\"auth\":\"nrk.AbCdEfGhIjKlMnOp.secret\"}");
    System.err.println("message: " + secret);

    // then each is reported, redacted; and the check is cleared for this test's own output
    List<String> leaks = LogCapture.leaksSince(mark);
    assertThat(leaks).hasSize(3);
    assertThat(String.join("\n", leaks)).doesNotContain("someone@example.org")
        .doesNotContain(secret).contains("<email>").contains("<key>").contains("<secret>");
    LogCapture.forgetSince(mark);
  }

  private String allPublicListings(String tag) {
    StringBuilder all = new StringBuilder();
    String cursor = null;
    for (int page = 0; page < 200; page++) {
      ApiCall call = ApiCall.to("GET", "/api/articles").query("limit", "50");
      if (tag != null) {
        call.query("tag", tag);
      }
      if (cursor != null) {
        call.query("cursor", cursor);
      }
      APIGatewayV2HTTPResponse response = call.invoke();
      assertThat(response.getStatusCode()).isEqualTo(200);
      JsonNode json = Answers.body(response);
      all.append(json.path("items").toString());
      cursor = json.path("nextCursor").isTextual() ? json.path("nextCursor").asText() : null;
      if (cursor == null) {
        break;
      }
    }
    return all.toString();
  }

  private APIGatewayV2HTTPResponse put(String slug, String json) {
    return ApiCall.to("PUT", "/api/admin/articles/{slug}").path("slug", slug)
        .bearer(world.editorKey()).json(json).invoke();
  }

  private APIGatewayV2HTTPResponse post(String slug, String action) {
    return ApiCall.to("POST", "/api/admin/articles/{slug}/" + action).path("slug", slug)
        .bearer(world.editorKey()).invoke();
  }
}

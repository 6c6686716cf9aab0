package dev.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.newsroom.infra.Answers;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.SampleRequests;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.infra.Templates;
import dev.newsroom.web.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Path traversal in every path parameter of every route, and bodies just over the limit on every
 * route that reads one: refused with our error shape, nothing written, and no page key outside
 * the site's own shape.
 */
class TraversalAndSizeTest {

  static final List<String> TRAVERSAL = List.of("..", "../..", "../../etc/passwd",
      "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "....//....//etc", "..\\..\\windows\\win.ini",
      "/etc/passwd", "a/../../b", "%252e%252e%252f", ".", "./", "~root", "a\u0000b", "index.html",
      "../index.html", "articles/../../x", "..;/", "%c0%ae%c0%ae/", "\u2025/", "..%00/",
      "slug/../../admin", "x/./y", ".git/config", "%2F", "\\\\server\\share");
  /** What every page key of the site bucket looks like: lower-case words, folders, extensions. */
  private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9][a-z0-9._/-]*");

  private final Emulators world = Emulators.shared();

  @TestFactory
  List<DynamicTest> everyPathParameter_refusesTraversal_andWritesNothing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Templates.Route route : Templates.routes()) {
      for (String parameter : route.pathParameters()) {
        tests.add(DynamicTest.dynamicTest(route.key() + " {" + parameter + "}", () -> {
          for (String value : TRAVERSAL) {
            // given a request the route would accept, but for a traversal in one parameter
            APIGatewayV2HTTPEvent event = SampleRequests.acceptable(route, world.editorKey());
            var params = new HashMap<>(event.getPathParameters());
            params.put(parameter, value);
            event.setPathParameters(params);
            world.dynamoDbProxy().clearCalls();
            world.awsProxies().forEach(FaultProxy::clearCalls);

            // when it is served
            APIGatewayV2HTTPResponse response = world.invoke(route.handlerClass(), event);

            // then refused (400 invalid, or 404 for something that cannot exist), nothing written
            assertThat(response.getStatusCode()).as("%s=%s: %s", parameter, value,
                response.getBody()).isIn(400, 404);
            assertThat(Answers.isJsonError(response)).isTrue();
            assertThat(world.dynamoDbProxy().calls().stream()
                .filter(FaultProxy.Call::changedState)).isEmpty();
            assertThat(world.awsProxies().stream().flatMap(p -> p.calls().stream())
                .filter(FaultProxy.Call::changedState)).isEmpty();
            SuiteReport.count("vectors: path traversal (parameter x payload)", 1);
          }
        }));
      }
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> everyRouteThatReadsABody_refusesOneByteOverTheLimit() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Templates.Route route : Templates.routes()) {
      APIGatewayV2HTTPEvent probe = SampleRequests.acceptable(route, world.editorKey());
      if (probe.getBody() == null) {
        continue;
      }
      for (boolean base64 : List.of(false, true)) {
        tests.add(DynamicTest.dynamicTest(route.key() + (base64 ? " (base64)" : ""), () -> {
          // given the route's sample with a body one byte over the limit
          APIGatewayV2HTTPEvent event = SampleRequests.acceptable(route, world.editorKey());
          byte[] big = new byte[HttpRequest.MAX_BODY_BYTES + 1];
          java.util.Arrays.fill(big, (byte) 'a');
          event.setBody(base64 ? java.util.Base64.getEncoder().encodeToString(big)
              : new String(big, java.nio.charset.StandardCharsets.US_ASCII));
          event.setIsBase64Encoded(base64);
          world.dynamoDbProxy().clearCalls();

          // when it is served
          APIGatewayV2HTTPResponse response = world.invoke(route.handlerClass(), event);

          // then 413 in our error shape where the route parses bodies (JSON and forms); a route
          // that takes another media type (a one-click POST) may ignore it, but never fails
          String type = probe.getHeaders() == null ? "" : probe.getHeaders()
              .getOrDefault("content-type", "");
          if (type.startsWith("application/json")
              || type.startsWith("application/x-www-form-urlencoded")) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(413);
            assertThat(Answers.isJsonError(response)).isTrue();
          } else {
            assertThat(response.getStatusCode()).as(response.getBody()).isBetween(200, 499);
          }
          assertThat(world.dynamoDbProxy().calls().stream()
              .filter(FaultProxy.Call::changedState)).isEmpty();
          SuiteReport.count("vectors: oversized bodies", 1);
        }));
      }
    }
    assertThat(tests).isNotEmpty();
    return tests;
  }

  @Test
  void siteBucket_holdsOnlyKeysOfTheSitesOwnShape() {
    String slug = "shape-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    dev.newsroom.infra.ApiCall.to("PUT", "/api/admin/articles/{slug}").path("slug", slug)
        .bearer(world.editorKey()).json("{\"title\":\"Shape\",\"author\":\"A\","
            + "\"body\":\"b\",\"tags\":[\"shape\"]}").invoke();
    dev.newsroom.infra.ApiCall.to("POST", "/api/admin/articles/{slug}/publish").path("slug", slug)
        .bearer(world.editorKey()).invoke();
    world.driver("SitePublisherFunction").drain();

    List<String> keys = world.siteKeys();

    assertThat(keys).isNotEmpty().allSatisfy(key -> {
      assertThat(key).matches(SAFE_KEY);
      assertThat(key.split("/")).doesNotContain("..", ".");
    });
  }
}

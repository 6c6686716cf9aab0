package dev.newsroom.infra.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.infra.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which Referrer-Policy a deployed page gets, worked out from template.yaml the way CloudFront
 * does: the first cache behaviour whose path pattern matches (else the default one), its
 * response-headers policy, and that policy's ReferrerPolicy, which replaces the origin's header
 * when its Override is true and is only a default otherwise. Pages whose URL carries a token
 * (every GET under /api/subscriptions/) must send no Referer; site pages keep
 * strict-origin-when-cross-origin.
 */
class ApiHeadersTemplateTest {

  /** What the subscription functions themselves send on their pages (SubscriptionPages). */
  private static final String TOKEN_PAGE_ORIGIN_HEADER = "no-referrer";

  private final JsonNode distribution = Templates.resources("AWS::CloudFront::Distribution")
      .values().iterator().next().path("DistributionConfig");
  private final Map<String, JsonNode> policies =
      Templates.resources("AWS::CloudFront::ResponseHeadersPolicy");

  @Test
  void tokenPages_whenServedThroughTheDistribution_sendNoReferrer() {
    List<String> tokenPages = tokenPagePaths();
    assertThat(tokenPages).contains("/api/subscriptions/confirm",
        "/api/subscriptions/unsubscribe", "/api/subscriptions/export",
        "/api/subscriptions/erase");

    for (String path : tokenPages) {
      assertThat(referrerPolicy(path, TOKEN_PAGE_ORIGIN_HEADER))
          .as("Referrer-Policy of %s?token=...", path).isEqualTo("no-referrer");
      // and even if a handler forgot its own header
      assertThat(referrerPolicy(path, null)).as("Referrer-Policy of %s without an origin header",
          path).isEqualTo("no-referrer");
    }
  }

  @Test
  void sitePages_whenServedThroughTheDistribution_keepStrictOriginWhenCrossOrigin() {
    for (String path : List.of("/", "/articles/some-story/", "/contact/", "/archive/2024/02/03/")) {
      assertThat(referrerPolicy(path, null)).as("Referrer-Policy of %s", path)
          .isEqualTo("strict-origin-when-cross-origin");
    }
  }

  /** GET routes under /api/subscriptions/: the pages a mailed link opens, token in the URL. */
  private static List<String> tokenPagePaths() {
    List<String> paths = new ArrayList<>();
    Templates.resources("AWS::Serverless::Function").forEach((id, props) ->
        props.path("Events").forEach(event -> {
          JsonNode p = event.path("Properties");
          String path = p.path("Path").asText();
          if ("HttpApi".equals(event.path("Type").asText()) && "GET".equals(p.path("Method")
              .asText()) && path.startsWith("/api/subscriptions/")) {
            paths.add(path);
          }
        }));
    return paths;
  }

  /** The header a viewer receives for {@code path} when the origin sends {@code origin}. */
  private String referrerPolicy(String path, String origin) {
    JsonNode behaviour = distribution.path("DefaultCacheBehavior");
    for (JsonNode candidate : distribution.path("CacheBehaviors")) {
      if (matches(candidate.path("PathPattern").asText(), path)) {
        behaviour = candidate;
        break;
      }
    }
    JsonNode policy = policies.get(behaviour.path("ResponseHeadersPolicyId").asText());
    assertThat(policy).as("response-headers policy of the behaviour serving %s", path)
        .isNotNull();
    JsonNode referrer = policy.at("/ResponseHeadersPolicyConfig/SecurityHeadersConfig"
        + "/ReferrerPolicy");
    if (referrer.isMissingNode()) {
      return origin;
    }
    boolean override = referrer.path("Override").asBoolean(false);
    return override || origin == null ? referrer.path("ReferrerPolicy").asText() : origin;
  }

  /** CloudFront's path patterns: '*' any run of characters, '?' one character. */
  private static boolean matches(String pattern, String path) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(
          String.valueOf(c)));
    }
    return path.matches(regex.toString());
  }
}

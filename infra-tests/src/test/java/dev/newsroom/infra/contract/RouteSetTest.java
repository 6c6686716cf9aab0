package dev.newsroom.infra.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.devserver.HttpApiBridge;
import dev.newsroom.devserver.SamTemplate;
import dev.newsroom.editors.AdminHttpHandler;
import dev.newsroom.infra.contract.OpenApiContract.Route;
import dev.newsroom.infra.local.LocalCloud;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml (what API Gateway serves), openapi.yaml (what clients are told) and the dev
 * server (what developers try) must offer the same routes, with the same auth.
 */
class RouteSetTest {

  private static JsonNode template;
  private static SamTemplate samTemplate;
  private static OpenApiContract openApi;

  @BeforeAll
  static void read() throws IOException {
    template = new ObjectMapper(new YAMLFactory()).readTree(
        LocalCloud.root().resolve("template.yaml").toFile());
    samTemplate = LocalCloud.template();
    openApi = OpenApiContract.get();
  }

  @Test
  void templateOpenApiAndDevServer_offerTheSameRoutes() {
    Set<Route> inTemplate = templateRoutes();
    Set<Route> inOpenApi = openApi.routes();
    Set<Route> inDevServer = samTemplate.routes().stream()
        .map(r -> new Route(r.method(), r.path())).collect(Collectors.toSet());

    assertThat(inTemplate).as("the routes of template.yaml").isNotEmpty();
    assertThat(minus(inTemplate, inOpenApi))
        .as("routes in template.yaml that openapi.yaml does not describe").isEmpty();
    assertThat(minus(inOpenApi, inTemplate))
        .as("routes in openapi.yaml that template.yaml does not serve").isEmpty();
    assertThat(minus(inTemplate, inDevServer))
        .as("routes in template.yaml that the dev server does not serve").isEmpty();
    assertThat(minus(inDevServer, inTemplate))
        .as("routes the dev server serves that template.yaml does not").isEmpty();
  }

  @Test
  void devServer_routesEveryDocumentedPathToThatRoute() {
    HttpApiBridge bridge = new HttpApiBridge(samTemplate.routes());
    List<String> misrouted = new ArrayList<>();

    for (Route route : openApi.routes()) {
      String concrete = route.path().replaceAll("\\{[^}/]+}", "sample-1");
      String matched = bridge.match(route.method(), concrete)
          .map(m -> m.route().method() + " " + m.route().path()).orElse("nothing");
      if (!matched.equals(route.toString())) {
        misrouted.add(route.method() + " " + concrete + " -> " + matched);
      }
    }

    assertThat(misrouted).as("documented requests the dev server routes elsewhere").isEmpty();
  }

  @Test
  void adminRoutes_needTheEditorKeyInCodeAndDescription_publicRoutesDoNot() {
    List<String> problems = new ArrayList<>();
    for (SamTemplate.Route route : samTemplate.routes()) {
      Route key = new Route(route.method(), route.path());
      boolean admin = route.path().startsWith("/api/admin/") || route.path().equals("/api/admin");
      boolean checksKey = AdminHttpHandler.class.isAssignableFrom(load(route.handlerClass()));
      JsonNode operation = openApi.operation(key);
      boolean documentsKey = operation.path("security").toString().contains("editorKey");
      boolean documents401 = operation.path("responses").has("401");
      if (!route.path().startsWith("/api/")) {
        problems.add(key + " is outside /api/");
      }
      if (admin != checksKey) {
        problems.add(key + (admin ? ": handler does not extend AdminHttpHandler"
            : ": public route whose handler asks for an editor key"));
      }
      if (!operation.isMissingNode() && (admin != documentsKey || admin != documents401)) {
        problems.add(key + (admin ? ": openapi.yaml needs security editorKey and a 401"
            : ": openapi.yaml marks a public route as needing a key"));
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Every API event of every resource, read from the raw template (not through SamTemplate). */
  private static Set<Route> templateRoutes() {
    Set<Route> routes = new LinkedHashSet<>();
    template.path("Resources").forEach(resource -> resource.at("/Properties/Events")
        .forEach(event -> {
          String type = event.path("Type").asText();
          if (type.equals("HttpApi") || type.equals("Api")) {
            JsonNode p = event.path("Properties");
            routes.add(new Route(p.path("Method").asText().toUpperCase(Locale.ROOT),
                p.path("Path").asText()));
          }
        }));
    return routes;
  }

  private static List<String> minus(Set<Route> a, Set<Route> b) {
    Set<String> other = b.stream().map(Route::toString).collect(Collectors.toSet());
    return a.stream().map(Route::toString).filter(r -> !other.contains(r)).sorted().toList();
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, RouteSetTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError("template.yaml names a handler that does not exist: " + className);
    }
  }
}

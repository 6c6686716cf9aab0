package dev.newsroom.infra.contract;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.Keyword;
import dev.newsroom.infra.local.LocalCloud;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * openapi.yaml as a test oracle: checks that what the infra tests send and receive is what the
 * API description promises, with a JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1).
 *
 * <p>Responses: the status must be documented for the operation; a documented JSON body must
 * match its schema, a response documented without content must have no body; documented headers
 * that are present must match theirs. Requests: the body must match the schema of its media
 * type. Only check requests the API accepted ({@link #assertExchange} does this for 2xx and 3xx):
 * tests send malformed bodies on purpose.
 *
 * <pre>{@code
 * OpenApiContract.assertResponseMatches("GET", "/api/articles/" + slug, 200, response.getBody());
 * OpenApiContract.assertExchange(event, response);   // request (if accepted) and response
 * }</pre>
 * Paths may be concrete ({@code /api/articles/hello}) or templates ({@code /api/articles/{slug}}).
 */
public final class OpenApiContract {

  /** One operation's address, as template.yaml and openapi.yaml write it. */
  public record Route(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final String DOCUMENT_IRI = "https://newsroom.invalid/openapi.json";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch",
      "head", "options", "trace");
  private static final Set<String> DOCUMENT_FIELDS = Set.of("openapi", "info",
      "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags",
      "externalDocs");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile OpenApiContract shared;

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<Route, Pattern> operations = new LinkedHashMap<>();
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  OpenApiContract(JsonNode document) {
    this.document = document;
    String json;
    try {
      json = JSON.writeValueAsString(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Dialect dialect = Dialect.builder(Dialects.getOpenApi31())
        .unknownKeywordFactory(OpenApiContract::unknownKeyword).build();
    this.registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
        .schemas(Map.of(DOCUMENT_IRI, json))
        .schemaRegistryConfig(SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .locale(Locale.ROOT)
            .build()));
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> {
          if (METHODS.contains(method)) {
            operations.put(new Route(method.toUpperCase(Locale.ROOT), path.getKey()),
                pathPattern(path.getKey()));
          }
        }));
  }

  /**
   * The document's own top-level fields are read as schema keywords (schemas are located inside
   * it) and mean nothing there; any other unknown keyword is a typo in a schema, which a
   * validator would otherwise ignore silently.
   */
  private static Keyword unknownKeyword(String keyword, SchemaContext context) {
    if (DOCUMENT_FIELDS.contains(keyword)) {
      return new AnnotationKeyword(keyword);
    }
    throw new AssertionError("openapi.yaml: unknown JSON Schema keyword '" + keyword + "'");
  }

  /** The repository's openapi.yaml, read once per test JVM. */
  public static OpenApiContract get() {
    OpenApiContract contract = shared;
    if (contract == null) {
      synchronized (OpenApiContract.class) {
        if (shared == null) {
          shared = read(LocalCloud.root().resolve("openapi.yaml"));
        }
        contract = shared;
      }
    }
    return contract;
  }

  static OpenApiContract read(Path file) {
    try {
      return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Every documented operation. */
  public Set<Route> routes() {
    return new LinkedHashSet<>(operations.keySet());
  }

  /** The operation object of a route, e.g. to read its {@code security}. */
  public JsonNode operation(Route route) {
    return document.path("paths").path(route.path()).path(route.method().toLowerCase(Locale.ROOT));
  }

  /** Resolves a local {@code $ref} chain ({@code #/components/...}) to the object it names. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
      String ref = current.path("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new AssertionError("openapi.yaml: only local $ref are supported: " + ref);
      }
      current = document.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new AssertionError("openapi.yaml: $ref to nothing: " + ref);
      }
    }
    return current;
  }

  // ------------------------------------------------------------------ assertions, static sugar

  public static void assertResponseMatches(String method, String path, int status, String body) {
    get().checkResponse(method, path, status, Map.of(), body);
  }

  public static void assertResponseMatches(String method, String path,
      APIGatewayV2HTTPResponse response) {
    get().checkResponse(method, path, response.getStatusCode(),
        response.getHeaders() == null ? Map.of() : response.getHeaders(), text(response));
  }

  public static void assertRequestMatches(String method, String path, String contentType,
      String body) {
    get().checkRequest(method, path, contentType, body);
  }

  /**
   * The response of one invocation, and its request when the API accepted it (status below
   * 400): a request the API takes must be one the description allows.
   */
  public static void assertExchange(APIGatewayV2HTTPEvent event,
      APIGatewayV2HTTPResponse response) {
    String method = event.getRequestContext().getHttp().getMethod();
    String path = event.getRawPath();
    assertResponseMatches(method, path, response);
    if (response.getStatusCode() < 400 && event.getBody() != null) {
      String body = event.getIsBase64Encoded()
          ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
          : event.getBody();
      assertRequestMatches(method, path, header(event.getHeaders(), "content-type").orElse(""),
          body);
    }
  }

  // ------------------------------------------------------------------ checks

  void checkResponse(String method, String path, int status, Map<String, String> headers,
      String body) {
    Route route = route(method, path);
    JsonNode responses = operation(route).path("responses");
    JsonNode documented = responses.has(Integer.toString(status))
        ? responses.path(Integer.toString(status)) : responses.path(status / 100 + "XX");
    if (documented.isMissingNode()) {
      List<String> known = new ArrayList<>();
      responses.fieldNames().forEachRemaining(known::add);
      throw new AssertionError(route + " answered " + status + ", which openapi.yaml does not"
          + " document (it has " + known + "); body: " + clip(body));
    }
    JsonNode response = resolve(documented);
    String where = route + " -> " + status;
    JsonNode content = response.path("content");
    if (content.isMissingNode() || content.isEmpty()) {
      if (body != null && !body.isEmpty()) {
        throw new AssertionError(where + ": openapi.yaml documents no body, got " + clip(body));
      }
    } else {
      String contentType = header(headers, "content-type").orElse("application/json");
      JsonNode media = mediaType(content, contentType, where);
      if (isJson(contentType)) {
        validate(media, parse(body, where), where + " body");
      } else if (body == null || body.isEmpty()) {
        throw new AssertionError(where + ": openapi.yaml documents a " + contentType
            + " body, got none");
      }
    }
    response.path("headers").fields().forEachRemaining(h -> {
      Optional<String> value = header(headers, h.getKey());
      JsonNode headerSchema = resolve(h.getValue()).path("schema");
      if (value.isPresent() && !headerSchema.isMissingNode()) {
        JsonNode instance = headerSchema.path("type").asText().equals("integer")
            && value.get().matches("-?[0-9]+") ? JSON.getNodeFactory().numberNode(
                Long.parseLong(value.get())) : JSON.getNodeFactory().textNode(value.get());
        report(schemaAt(headerSchema).validate(instance), where + " header " + h.getKey(),
            value.get());
      }
    });
  }

  void checkRequest(String method, String path, String contentType, String body) {
    Route route = route(method, path);
    String where = route + " request";
    JsonNode requestBody = resolve(operation(route).path("requestBody"));
    if (requestBody.isMissingNode()) {
      if (body != null && !body.isEmpty()) {
        throw new AssertionError(where + ": openapi.yaml documents no request body");
      }
      return;
    }
    String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    JsonNode media = mediaType(requestBody.path("content"), mediaType, where);
    if (mediaType.equals("application/x-www-form-urlencoded")) {
      validate(media, formAsObject(body), where + " body (" + mediaType + ")");
    } else if (isJson(mediaType)) {
      validate(media, parse(body, where), where + " body (" + mediaType + ")");
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The documented route for a concrete or template path; fails when there is none. */
  Route route(String method, String path) {
    String upper = method.toUpperCase(Locale.ROOT);
    Route exact = new Route(upper, path);
    if (operations.containsKey(exact)) {
      return exact;
    }
    return operations.entrySet().stream()
        .filter(e -> e.getKey().method().equals(upper) && e.getValue().matcher(path).matches())
        .map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("openapi.yaml documents no operation for "
            + upper + " " + path));
  }

  private JsonNode mediaType(JsonNode content, String contentType, String where) {
    String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    JsonNode media = content.path(mediaType);
    if (media.isMissingNode()) {
      List<String> known = new ArrayList<>();
      content.fieldNames().forEachRemaining(known::add);
      throw new AssertionError(where + ": media type " + mediaType
          + " is not documented (openapi.yaml has " + known + ")");
    }
    return media;
  }

  private void validate(JsonNode media, JsonNode instance, String where) {
    JsonNode schema = media.path("schema");
    if (schema.isMissingNode()) {
      return;
    }
    report(schemaAt(schema).validate(instance), where, instance.toString());
  }

  /**
   * A validator for a schema node of the document. Schemas are loaded by their place in the
   * document so that their {@code $ref}s resolve against it; a node that is only a local
   * {@code $ref} is loaded at its target.
   */
  private Schema schemaAt(JsonNode schema) {
    if (schema.size() == 1 && schema.has("$ref") && schema.path("$ref").asText().startsWith("#")) {
      String pointer = schema.path("$ref").asText();
      return schemas.computeIfAbsent(pointer,
          p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + p)));
    }
    String inline = schema.toString();
    return schemas.computeIfAbsent("inline:" + inline, k -> {
      // An inline schema still sees the document's components through an absolute $ref base.
      var wrapped = JSON.createObjectNode();
      wrapped.put("$id", "https://newsroom.invalid/inline/" + Integer.toHexString(
          inline.hashCode()) + ".json");
      wrapped.set("allOf", JSON.createArrayNode().add(rebase(schema.deepCopy())));
      return registry.getSchema(wrapped);
    });
  }

  /** Rewrites {@code #/...} references to point into the registered document. */
  private static JsonNode rebase(JsonNode node) {
    if (node.isObject()) {
      var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        object.put("$ref", DOCUMENT_IRI + ref.asText());
      }
      object.elements().forEachRemaining(OpenApiContract::rebase);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(OpenApiContract::rebase);
    }
    return node;
  }

  private static void report(List<Error> errors, String where, String instance) {
    if (!errors.isEmpty()) {
      StringBuilder message = new StringBuilder(where)
          .append(" does not match openapi.yaml:");
      for (Error error : errors) {
        message.append("\n  ").append(error.getInstanceLocation()).append(": ")
            .append(error.getMessage());
      }
      message.append("\n  instance: ").append(clip(instance));
      throw new AssertionError(message.toString());
    }
  }

  private static JsonNode parse(String body, String where) {
    if (body == null || body.isEmpty()) {
      throw new AssertionError(where + ": openapi.yaml documents a JSON body, got none");
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(where + ": body is not JSON: " + clip(body), e);
    }
  }

  /** JSON media types, whose bodies the schemas describe; others (HTML pages) are only typed. */
  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  /** A form body as the flat object of strings that the form's schema describes. */
  static JsonNode formAsObject(String body) {
    var object = JSON.createObjectNode();
    if (body != null && !body.isEmpty()) {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
            StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1),
            StandardCharsets.UTF_8);
        object.put(name, value);
      }
    }
    return object;
  }

  private static Pattern pathPattern(String template) {
    StringBuilder regex = new StringBuilder();
    for (String part : template.split("(?=\\{)|(?<=})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  private static Optional<String> header(Map<String, String> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    for (Iterator<Map.Entry<String, String>> it = headers.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, String> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.ofNullable(e.getValue());
      }
    }
    return Optional.empty();
  }

  private static String text(APIGatewayV2HTTPResponse response) {
    String body = response.getBody();
    return body != null && response.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
  }

  private static String clip(String text) {
    return text == null ? "null" : text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }
}

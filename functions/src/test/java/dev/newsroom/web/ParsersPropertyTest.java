package dev.newsroom.web;

import dev.newsroom.shared.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.newsroom.articles.ArticleInput;
import dev.newsroom.shared.DomainException;
import dev.newsroom.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The request parsers under generated input: whatever arrives, each returns a value or refuses
 * with a 4xx the error mapper knows, never another exception (which would be a 500).
 */
class ParsersPropertyTest {

  private static final Set<String> FIELDS = Set.of("name", "email", "message");

  @Property(tries = 1500)
  void jsonBody_whateverTheBytes_readsAnArticleOrRefusesWith400(
      @ForAll("jsonishBytes") byte[] body) {
    Throwable failure = catchThrowable(() -> JsonBody.parse(body,
        Json.MAPPER.readerFor(ArticleInput.class)));

    assertThat(failure).satisfiesAnyOf(
        f -> assertThat(f).isNull(),
        f -> assertThat(((ApiException) f).status()).isEqualTo(400));
  }

  @Property(tries = 1500)
  void formFields_whateverTheBody_decodesKnownFieldsOrRefusesWith400(
      @ForAll("formBodies") String body) {
    Map<String, String> fields = null;
    Throwable failure = null;
    try {
      fields = FormFields.decodeForm(body.getBytes(StandardCharsets.UTF_8), FIELDS);
    } catch (RuntimeException e) {
      failure = e;
    }

    if (failure == null) {
      assertThat(FIELDS).containsAll(fields.keySet());
    } else {
      assertThat(failure).isInstanceOf(ApiException.class);
      assertThat(((ApiException) failure).status()).isEqualTo(400);
    }
  }

  @Property(tries = 1000)
  void formFields_whenAKeyRepeats_refusesTheWholeBody(
      @ForAll("fieldNames") String name, @ForAll("formValues") String first,
      @ForAll("formValues") String second) {
    String body = name + "=" + first + "&" + name + "=" + second;

    Throwable failure = catchThrowable(() ->
        FormFields.decodeForm(body.getBytes(StandardCharsets.UTF_8), FIELDS));

    assertThat(failure).isInstanceOf(ApiException.class);
    assertThat(((ApiException) failure).status()).isEqualTo(400);
  }

  @Property(tries = 1500)
  void formFields_jsonFlavour_whateverTheJson_givesStringsOrRefusesWith400(
      @ForAll("jsonishBytes") byte[] body) {
    Throwable failure = catchThrowable(() -> FormFields.decodeJson(body, FIELDS));

    assertThat(failure).satisfiesAnyOf(
        f -> assertThat(f).isNull(),
        f -> assertThat(((ApiException) f).status()).isEqualTo(400));
  }

  @Property(tries = 1000)
  void httpRequestBody_whateverTheEvent_givesBytesOrRefusesWith4xx(
      @ForAll("eventBodies") String body, @ForAll boolean base64) {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withBody(body)
        .withIsBase64Encoded(base64).build();

    Throwable failure = catchThrowable(() -> new HttpRequest(event).body());

    assertThat(failure).satisfiesAnyOf(
        f -> assertThat(f).isNull(),
        f -> assertThat(((ApiException) f).status()).isIn(400, 413));
  }

  @Property(tries = 1000)
  void queryInt_whateverTheValue_isAnIntOrAValidationError(@ForAll("queryValues") String value) {
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
        .withQueryStringParameters(Map.of("limit", value)).build();

    Throwable failure = catchThrowable(() ->
        QueryParams.optionalInt(new HttpRequest(event), "limit"));

    assertThat(failure).satisfiesAnyOf(
        f -> assertThat(f).isNull(),
        f -> assertThat(f).isInstanceOf(ValidationException.class));
  }

  @Property(tries = 500)
  void errorMapper_everyRefusalAbove_isJsonWithCodeAndMessage(
      @ForAll("jsonishBytes") byte[] body) {
    try {
      JsonBody.parse(body, Json.MAPPER.readerFor(ArticleInput.class));
    } catch (ApiException | DomainException refusal) {
      HttpResponse response = ErrorMapper.toResponse(refusal);
      assertThat(response.status()).isBetween(400, 499);
      assertThat(response.headers().get("Content-Type")).startsWith("application/json");
      assertThat(response.body()).contains("\"code\":").contains("\"message\":");
    }
  }

  @Provide
  Arbitrary<byte[]> jsonishBytes() {
    Arbitrary<String> json = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().withChars("{}[]\":,0123456789.-+eE"
            + "truefalsnl abcxyz\\\u00e9\u2028").ofMaxLength(60)),
        net.jqwik.api.Tuple.of(3, articleLike()),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 3000)
            .map(d -> "[".repeat(d) + "]".repeat(d))),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(80)));
    Arbitrary<byte[]> text = json.map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, text),
        net.jqwik.api.Tuple.of(1, raw));
  }

  /** Objects with the article's field names and values of any JSON type. */
  private static Arbitrary<String> articleLike() {
    Arbitrary<String> name = Arbitraries.of("title", "summary", "body", "bodyFormat", "author",
        "tags", "heroImage", "publishedAt", "url", "alt", "extra", "");
    Arbitrary<String> value = Arbitraries.of("\"text\"", "1", "-1.5e300", "true", "null", "[]",
        "[\"a\",1]", "{}", "{\"url\":\"https://x\",\"alt\":1}", "\"\\u0000\"", "\"\\ud800\"",
        "[[[[[]]]]]", "\"2026-01-01T00:00:00Z\"");
    return Combinators.combine(name, value).as((n, v) -> "\"" + n + "\":" + v).list()
        .ofMaxSize(6).map(fields -> "{" + String.join(",", fields) + "}");
  }

  @Provide
  Arbitrary<String> formBodies() {
    Arbitrary<String> token = Arbitraries.oneOf(fieldNames(), formValues(),
        Arbitraries.of("%", "%zz", "%C3%28", "%E2%82", "+", "=", "&&", "name", "unknown"));
    return token.list().ofMaxSize(10).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> fieldNames() {
    return Arbitraries.of(List.copyOf(FIELDS));
  }

  @Provide
  Arbitrary<String> formValues() {
    return Arbitraries.strings().withChars("abc%20+=&\u00e9").ofMaxLength(12);
  }

  @Provide
  Arbitrary<String> eventBodies() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(200)),
        net.jqwik.api.Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)
            .map(b -> Base64.getEncoder().encodeToString(b))),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(HttpRequest.MAX_BODY_BYTES - 2,
            HttpRequest.MAX_BODY_BYTES + 2).map("a"::repeat)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(HttpRequest.MAX_BODY_BYTES / 3
            * 4 - 4, HttpRequest.MAX_BODY_BYTES / 3 * 4 + 8).map("A"::repeat)));
  }

  @Provide
  Arbitrary<String> queryValues() {
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(15),
        Arbitraries.strings().numeric().ofMaxLength(15),
        Arbitraries.of("-1", "0", "2147483648", "99999999999", "１２", "٣", "1e3", " 5"));
  }
}

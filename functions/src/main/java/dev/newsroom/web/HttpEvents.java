package dev.newsroom.web;

import dev.newsroom.shared.JsonWriter;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API (payload v2) event and response as JSON, read and written with jackson-core alone.
 * Handed the raw stream, the Lambda runtime skips its reflective event serializer, which is the
 * single largest part of a Java cold start after the SDK. Only the fields our handlers read are
 * kept; the rest of the event is skipped.
 */
final class HttpEvents {

  private HttpEvents() {}

  static APIGatewayV2HTTPEvent read(InputStream in) throws IOException {
    try (JsonParser p = JsonWriter.FACTORY.createParser(in)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT);
      APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "version" -> event.setVersion(text(p));
          case "routeKey" -> event.setRouteKey(text(p));
          case "rawPath" -> event.setRawPath(text(p));
          case "rawQueryString" -> event.setRawQueryString(text(p));
          case "cookies" -> event.setCookies(strings(p));
          case "headers" -> event.setHeaders(map(p));
          case "queryStringParameters" -> event.setQueryStringParameters(map(p));
          case "pathParameters" -> event.setPathParameters(map(p));
          case "stageVariables" -> event.setStageVariables(map(p));
          case "body" -> event.setBody(text(p));
          case "isBase64Encoded" -> event.setIsBase64Encoded(value == JsonToken.VALUE_TRUE);
          case "requestContext" -> event.setRequestContext(context(p));
          default -> p.skipChildren();
        }
      }
      return event;
    }
  }

  static void write(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
    try (JsonGenerator g = JsonWriter.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("statusCode", response.getStatusCode());
      if (response.getHeaders() != null) {
        g.writeObjectFieldStart("headers");
        for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
          g.writeStringField(header.getKey(), header.getValue());
        }
        g.writeEndObject();
      }
      if (response.getCookies() != null) {
        g.writeArrayFieldStart("cookies");
        for (String cookie : response.getCookies()) {
          g.writeString(cookie);
        }
        g.writeEndArray();
      }
      if (response.getBody() != null) {
        g.writeStringField("body", response.getBody());
      }
      g.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
      g.writeEndObject();
    }
  }

  private static RequestContext context(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    RequestContext context = new RequestContext();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "routeKey" -> context.setRouteKey(text(p));
        case "accountId" -> context.setAccountId(text(p));
        case "stage" -> context.setStage(text(p));
        case "apiId" -> context.setApiId(text(p));
        case "domainName" -> context.setDomainName(text(p));
        case "domainPrefix" -> context.setDomainPrefix(text(p));
        case "time" -> context.setTime(text(p));
        case "timeEpoch" -> context.setTimeEpoch(p.currentToken().isNumeric() ? p.getLongValue() : 0);
        case "requestId" -> context.setRequestId(text(p));
        case "http" -> context.setHttp(http(p));
        default -> p.skipChildren();
      }
    }
    return context;
  }

  private static RequestContext.Http http(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    RequestContext.Http http = new RequestContext.Http();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "method" -> http.setMethod(text(p));
        case "path" -> http.setPath(text(p));
        case "protocol" -> http.setProtocol(text(p));
        case "sourceIp" -> http.setSourceIp(text(p));
        case "userAgent" -> http.setUserAgent(text(p));
        default -> p.skipChildren();
      }
    }
    return http;
  }

  private static Map<String, String> map(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, text(p));
    }
    return map;
  }

  private static List<String> strings(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    List<String> values = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      values.add(text(p));
    }
    return values;
  }

  /** A string, or null for JSON null; nested values are skipped rather than misread. */
  private static String text(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected)
      throws JsonParseException {
    if (actual != expected) {
      throw new JsonParseException(p, "the event is not a JSON object");
    }
  }
}

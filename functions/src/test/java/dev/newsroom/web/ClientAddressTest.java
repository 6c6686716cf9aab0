package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.newsroom.shared.StdoutCapture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

  /** What API Gateway reports behind CloudFront: the edge server, shared by its visitors. */
  private static final String EDGE = "203.0.113.7";
  private static final String SECRET = "s3cr3t-only-the-distribution-knows-0123456789";

  private final ClientAddress behindCloudFront = ClientAddress.behindCloudFront(SECRET);

  @Test
  void of_whenNoSecretConfigured_ignoresASpoofedViewerAddress() {
    HttpRequest request = request(SECRET, "198.51.100.23:40000");

    String ip = ClientAddress.direct().of(request);

    assertThat(ip).isEqualTo(EDGE);
  }

  @Test
  void of_whenCalledDirectlyWithoutTheSecret_ignoresTheViewerAddress() {
    HttpRequest request = request(null, "198.51.100.23:40000");

    String ip = behindCloudFront.of(request);

    assertThat(ip).isEqualTo(EDGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wrong", "",
      "s3cr3t-only-the-distribution-knows-012345678",    // one character short
      "s3cr3t-only-the-distribution-knows-01234567890",  // one character long
      "S3CR3T-ONLY-THE-DISTRIBUTION-KNOWS-0123456789"})  // case differs
  void of_whenTheSecretDoesNotMatch_ignoresTheViewerAddress(String guess) {
    HttpRequest request = request(guess, "198.51.100.23:40000");

    String ip = behindCloudFront.of(request);

    assertThat(ip).isEqualTo(EDGE);
  }

  @Test
  void of_whenTheSecretMatches_usesTheViewerAddress() {
    HttpRequest request = request(SECRET, "198.51.100.23:40000");

    String ip = behindCloudFront.of(request);

    assertThat(ip).isEqualTo("198.51.100.23");
  }

  @Test
  void of_whenHeaderNamesDifferInCase_stillMatches() {
    APIGatewayV2HTTPEvent event = ApiEvents.request("POST", "/api/contact").build();
    event.setHeaders(Map.of("X-Origin-Verify", SECRET,
        "CloudFront-Viewer-Address", "198.51.100.23:40000"));

    String ip = behindCloudFront.of(new HttpRequest(event));

    assertThat(ip).isEqualTo("198.51.100.23");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2001:db8::1:46532                         | 2001:db8:0:0:0:0:0:1",
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334:443 | 2001:db8:85a3:0:0:8a2e:370:7334",
      "[2001:db8::1]:46532                       | 2001:db8:0:0:0:0:0:1",
      "::1:80                                    | 0:0:0:0:0:0:0:1",
      "fe80::a:b:c:d:1                           | fe80:0:0:0:a:b:c:d",
      "::ffff:198.51.100.23:80                   | 198.51.100.23",
      "64:ff9b::198.51.100.23:80                 | 64:ff9b:0:0:0:0:c633:6417",
      "2001:DB8::ABCD:1                          | 2001:db8:0:0:0:0:0:abcd",
      "2001:db8::3:4:5:6:7:443                   | 2001:db8:0:3:4:5:6:7",
      "[1:2:3:4:5:6:7::]:443                     | 1:2:3:4:5:6:7:0",
      "0:0:0:0:0:ffff:198.51.100.23:80           | 198.51.100.23"})
  void of_whenTheViewerIsIpv6_usesItsCanonicalText(String header, String expected) {
    HttpRequest request = request(SECRET, header);

    String ip = behindCloudFront.of(request);

    assertThat(ip).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "192.0.2.1:80          | 192.0.2.1",
      "198.51.100.255:80     | 198.51.100.255",
      "0.0.0.0:1             | 0.0.0.0",
      "255.255.255.255:65535 | 255.255.255.255"})
  void of_whenTheViewerIsIpv4_usesItAtEveryOctetAndPortBound(String header, String expected) {
    HttpRequest request = request(SECRET, header);

    String ip = behindCloudFront.of(request);

    assertThat(ip).isEqualTo(expected);
  }

  @Test
  void of_whenTheViewerAddressHasTheLongestWellFormedShape_usesIt() {
    String longest = "[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]:65535";
    assertThat(longest).hasSize(ClientAddress.MAX_VIEWER_ADDRESS);

    String ip = behindCloudFront.of(request(SECRET, longest));

    assertThat(ip).isEqualTo("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "198.51.100.23",                  // no port
      "198.51.100.23:",                 // empty port
      "198.51.100.23:0",                // port out of range
      "198.51.100.23:65536",
      "198.51.100.23:080",              // leading zero
      "198.51.100.23:8a",
      "198.51.100.023:80",              // octal-looking octet
      "198.51.100.256:80",
      "198.51.100:80",                  // three octets
      "198.51.100.23.1:80",
      "0x7f.0.0.1:80",
      "localhost:80",                   // a name is never resolved
      "evil.example.com:443",
      "198.51.100.23:80, 192.0.2.1:80", // two values joined by a proxy
      " :80",
      "2001:db8::1",                    // IPv6 without a port: the last group reads as a port
      "2001:db8:::1:80",
      "2001:db8::1::2:80",
      "1:2:3:4:5:6:7:8:9:80",           // nine groups
      "1:2:3:4:5:6:7:80",               // seven groups, no "::"
      "1:2:3:4::5:6:7:8:80",            // eight groups and a "::" that stands for none
      "198.51.100.23::1:80",            // an IPv4 part before the "::"
      "12345::1:80",                    // group over four digits
      "2001:db8::g:80",
      "[2001:db8::1:80",
      "[2001:db8::1]80",
      "[198.51.100.23]:80",
      "::ffff:198.51.100.256:80",
      "::ffff:1.2.3:80",
      "2001:db8::1%eth0:80",            // zone ids are not viewer addresses
      "١٢٣.1.1.1:80",                   // non-ASCII digits
      "",
      "   "})
  void of_whenTheViewerAddressIsMalformed_fallsBackToSourceIp(String header) {
    HttpRequest request = request(SECRET, header);

    String ip = behindCloudFront.of(request);

    assertThat(ip).isEqualTo(EDGE);
  }

  @Test
  void of_whenTheViewerAddressIsAbsent_fallsBackToSourceIp() {
    HttpRequest request = request(SECRET, null);

    String ip = behindCloudFront.of(request);

    assertThat(ip).isEqualTo(EDGE);
  }

  @Test
  void of_whenTheViewerAddressIsHuge_fallsBackToSourceIp() {
    HttpRequest request = request(SECRET, "1".repeat(10_000) + ":80");

    String ip = behindCloudFront.of(request);

    assertThat(ip).isEqualTo(EDGE);
  }

  @Test
  void of_whenVerifiedRequestsLackAUsableViewerAddress_logsOnceWithoutTheValue() {
    try (StdoutCapture out = StdoutCapture.start()) {
      behindCloudFront.of(request(SECRET, "evil.example.com:443"));
      behindCloudFront.of(request(SECRET, null));
      behindCloudFront.of(request(SECRET, "[2001:db8::1]"));
      behindCloudFront.of(request(SECRET, "198.51.100.23:40000"));

      assertThat(out.json()).singleElement().satisfies(line -> {
        assertThat(line.path("event").asText()).isEqualTo("viewer_address_unusable");
        assertThat(line.path("fallback").asText()).isEqualTo("sourceIp");
      });
      assertThat(out.lines()).noneMatch(line -> line.contains("evil.example.com"));
    }
  }

  @Test
  void behindCloudFront_whenTheSecretHasTheMinimumLength_starts() {
    ClientAddress minimal = ClientAddress.behindCloudFront("k3y-16-chars-xxx");

    assertThat(minimal.of(request("k3y-16-chars-xxx", "198.51.100.23:40000")))
        .isEqualTo("198.51.100.23");
  }

  @Test
  void behindCloudFront_whenTheSecretIsShort_refusesToStart() {
    assertThatThrownBy(() -> ClientAddress.behindCloudFront("k3y-15-chars-xx"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("k3y-15-chars-xx");
  }

  private static HttpRequest request(String verify, String viewerAddress) {
    ApiEvents event = ApiEvents.request("POST", "/api/contact");
    if (verify != null) {
      event.header("x-origin-verify", verify);
    }
    if (viewerAddress != null) {
      event.header("cloudfront-viewer-address", viewerAddress);
    }
    return new HttpRequest(event.build());
  }
}

package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.web.ApiEvents;
import dev.newsroom.web.HttpRequest;
import org.junit.jupiter.api.Test;

class SiteContextTest {

  @Test
  void url_whenConfigured_isTheConfiguredOriginWhateverTheRequest() {
    SiteContext site = SiteContext.of("https://news.example.com/", "Newsroom");

    assertThat(site.url(request("abc123.execute-api.us-east-1.amazonaws.com")))
        .isEqualTo("https://news.example.com");
  }

  @Test
  void url_whenNotConfigured_isTheDomainApiGatewayReports() {
    SiteContext site = SiteContext.of(null, "Newsroom");

    assertThat(site.url(request("abc123.execute-api.us-east-1.amazonaws.com")))
        .isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com");
    assertThatThrownBy(() -> site.url(request("evil.example/<x>")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> site.url(request(null))).isInstanceOf(IllegalStateException.class);
  }

  private static HttpRequest request(String domainName) {
    var event = ApiEvents.request("POST", "/api/subscriptions").build();
    event.getRequestContext().setDomainName(domainName);
    return new HttpRequest(event);
  }
}

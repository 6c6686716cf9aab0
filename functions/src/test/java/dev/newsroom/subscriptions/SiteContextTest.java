package dev.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteContextTest {

  @Test
  void url_whenConfigured_isTheConfiguredOriginWhateverTheRequest() {
    SiteContext site = SiteContext.of("https://news.example.com/", "Newsroom");

    assertThat(site.url("abc123.execute-api.us-east-1.amazonaws.com"))
        .isEqualTo("https://news.example.com");
  }

  @Test
  void url_whenNotConfigured_isTheDomainApiGatewayReports() {
    SiteContext site = SiteContext.of(null, "Newsroom");

    assertThat(site.url("abc123.execute-api.us-east-1.amazonaws.com"))
        .isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com");
    assertThatThrownBy(() -> site.url("evil.example/<x>"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> site.url(null)).isInstanceOf(IllegalStateException.class);
  }
}

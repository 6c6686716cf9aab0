package dev.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.infra.ApiCall;
import dev.newsroom.infra.Emulators;
import dev.newsroom.infra.FaultProxy;
import dev.newsroom.infra.FaultProxy.Fault;
import dev.newsroom.infra.StreamDriver;
import dev.newsroom.infra.SuiteReport;
import dev.newsroom.site.SiteRebuildHandler;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Page regeneration (SitePublisherFunction on the articles stream) with S3 failing under it: a
 * published article's page appears once the fault clears, no page is written twice, and after
 * MaximumRetryAttempts the batch goes to the site DLQ while the article itself is kept, so the
 * rebuild function (the documented answer to that alarm) restores the page.
 */
class SiteFaultsTest {

  private final Emulators world = Emulators.shared();
  private final FaultProxy s3 = world.s3Proxy();
  private final StreamDriver publisher = world.driver("SitePublisherFunction");
  private String slug;

  @BeforeEach
  void setUp() {
    world.editorKey();
    world.healAll();
    publisher.drain();
    publisher.purgeDeadLetters();
    slug = "site-faults-" + UUID.randomUUID().toString().substring(0, 8);
    String article = "{\"title\":\"Site faults\",\"author\":\"Infra\",\"body\":\"Text.\","
        + "\"tags\":[\"site-faults\"]}";
    assertThat(ApiCall.to("PUT", "/api/admin/articles/{slug}").path("slug", slug)
        .bearer(world.editorKey()).json(article).invoke().getStatusCode()).isEqualTo(201);
    assertThat(ApiCall.to("POST", "/api/admin/articles/{slug}/publish").path("slug", slug)
        .bearer(world.editorKey()).invoke().getStatusCode()).isEqualTo(200);
    s3.clearCalls();
  }

  @AfterEach
  void heal() {
    SuiteReport.count("faults: page regeneration scenarios", 1);
    world.healAll();
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"S3_503", "DROP"})
  void publish_whenS3FailsForTwoInvocations_writesThePageOnceItClears_andNoPageTwice(
      Fault fault) {
    // given S3 refusing every attempt (3 per call) of the first two invocations' first write
    s3.inject("PutObject", fault, 6);

    // when the stream delivers the publication
    StreamDriver.Outcome outcome = publisher.drain();

    // then the third invocation wrote the pages, nothing went to the DLQ
    assertThat(outcome.invocations()).isEqualTo(3);
    assertThat(outcome.sentToDlq()).isZero();
    assertThat(world.siteKeys()).anyMatch(k -> k.contains(slug));
    // and every page was stored at most once, retries included
    Map<String, Long> writes = s3.calls().stream()
        .filter(c -> c.operation().equals("PutObject") && c.changedState())
        .collect(Collectors.groupingBy(FaultProxy.Call::path, Collectors.counting()));
    assertThat(writes).isNotEmpty().allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
  }

  @Test
  void publish_whenS3StaysDown_endsInTheSiteDlq_andTheRebuildRestoresThePage() {
    // given S3 down for longer than the event source mapping retries
    s3.inject("PutObject", Fault.S3_503, 100_000);

    // when the stream delivers the publication
    StreamDriver.Outcome outcome = publisher.drain();

    // then 1 + MaximumRetryAttempts invocations, one DLQ message, and no page
    assertThat(outcome.invocations()).isEqualTo(1 + publisher.maxRetries());
    assertThat(outcome.sentToDlq()).isEqualTo(1);
    assertThat(publisher.deadLetters()).hasSize(1);
    assertThat(world.siteKeys()).noneMatch(k -> k.contains(slug));

    // and once S3 is back, the rebuild renders it from the article, which was never lost
    world.healAll();
    new SiteRebuildHandler().handleRequest(Map.of(), null);
    assertThat(world.siteKeys()).anyMatch(k -> k.contains(slug));
  }
}

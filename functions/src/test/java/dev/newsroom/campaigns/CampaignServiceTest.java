package dev.newsroom.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.shared.ValidationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {

  private final Pipeline p = new Pipeline();

  private CampaignRequest article(String subject) {
    return new CampaignRequest("storm", false, null, null, subject, null, null);
  }

  @Test
  void create_whenNoSubjectGiven_takesTitleAndSummary() {
    p.articles.publish("storm", p.clock.now());
    Campaign c = p.service.create(article(null), "editor");

    assertThat(c.subject()).isEqualTo("Title of storm");
    assertThat(c.preheader()).isEqualTo("Summary of storm");
    assertThat(c.state()).isEqualTo(CampaignState.DRAFT);
  }

  @Test
  void create_whenArticleUnknownOrDraft_refuses() {
    assertThatThrownBy(() -> p.service.create(article(null), "editor"))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void create_whenSubjectBreaksALineOrIsTooLong_refuses() {
    p.articles.publish("storm", p.clock.now());
    for (String bad : List.of("a\r\nBcc: x@y.z", "a\nb", "a\u2028b", "a\u2029b", "a\u0000b",
        "x".repeat(201), " ")) {
      assertThatThrownBy(() -> p.service.create(article(bad), "editor"))
          .as(bad).isInstanceOf(ValidationException.class);
    }
    assertThat(p.service.create(article("x".repeat(200)), "editor").subject()).hasSize(200);
  }

  @Test
  void start_whenNobodyIsInTheAudience_refusesAndQueuesNothing() {
    p.subscribers.following("a", "a@example.com", "sports");
    p.articles.publish("storm", p.clock.now(), "weather");
    Campaign c = p.service.create(article(null), "editor");

    assertThatThrownBy(() -> p.service.start(c.id(), null))
        .isInstanceOf(ValidationException.class);
    assertThat(p.queue.jobs).isEmpty();
    assertThat(p.repository.find(c.id()).orElseThrow().state()).isEqualTo(CampaignState.DRAFT);
  }

  @Test
  void start_whenTimeIsPast_refuses() {
    p.subscribers(1);
    p.articles.publish("storm", p.clock.now());
    Campaign c = p.service.create(article(null), "editor");

    assertThatThrownBy(() -> p.service.start(c.id(), p.clock.now().minusSeconds(1)))
        .isInstanceOf(ValidationException.class);
    assertThat(p.queue.jobs).isEmpty();
  }

  @Test
  void start_whenStartedTwice_refusesTheSecond() {
    p.subscribers(1);
    p.articles.publish("storm", p.clock.now());
    Campaign c = p.service.create(article(null), "editor");
    p.service.start(c.id(), null);

    assertThatThrownBy(() -> p.service.start(c.id(), null))
        .isInstanceOf(ConflictException.class);
    assertThat(p.queue.jobs).hasSize(1);
  }

  @Test
  void start_whenTheQueueFailed_isCompletedByStartingAgain() {
    p.subscribers(3);
    p.articles.publish("storm", p.clock.now());
    Campaign c = p.service.create(article(null), "editor");
    p.queue.failing = true;
    assertThatThrownBy(() -> p.service.start(c.id(), null))
        .isInstanceOf(UnavailableException.class);
    p.queue.failing = false;

    p.service.start(c.id(), null);
    p.drain();

    assertThat(p.mailer.delivered).hasSize(3);
  }

  @Test
  void resume_whenCancelled_refuses() {
    p.subscribers(1);
    p.articles.publish("storm", p.clock.now());
    Campaign c = p.service.create(article(null), "editor");
    p.service.cancel(c.id());

    assertThatThrownBy(() -> p.service.resume(c.id())).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> p.service.start(c.id(), null))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void testSend_whenUpToFiveAddresses_sendsMarkedTestsAndCountsNothing() {
    p.articles.publish("storm", p.clock.now());
    Campaign c = p.service.create(article(null), "editor");

    var results = p.service.testSend(c.id(), List.of("a@example.com", "b@example.com"));

    assertThat(results).extracting(CampaignService.TestResult::outcome)
        .containsOnly("sent");
    assertThat(p.receivedByAddress("newsletter-test")).containsOnlyKeys("a@example.com",
        "b@example.com");
    assertThat(p.repository.find(c.id()).orElseThrow().counts()).isEqualTo(Counts.NONE);
    assertThatThrownBy(() -> p.service.testSend(c.id(), List.of("1@x.io", "2@x.io", "3@x.io",
        "4@x.io", "5@x.io", "6@x.io"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> p.service.testSend(c.id(), List.of("not an address")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void createDigest_whenSinceLastDigest_takesTheArticlesAfterIt() {
    p.subscribers(2);
    p.articles.publish("old", p.clock.now().minus(Duration.ofDays(3)));
    p.articles.publish("new", p.clock.now().minus(Duration.ofDays(1)));
    Campaign first = p.service.create(new CampaignRequest(null, true, null, null, null, null,
        null), "editor");
    p.service.start(first.id(), null);
    p.clock.advance(Duration.ofDays(1));
    p.articles.publish("newest", p.clock.now().minusSeconds(10));

    Campaign second = p.service.create(new CampaignRequest(null, true, null, null, null, null,
        null), "editor");

    assertThat(p.repository.content(first.id()).orElseThrow().articles())
        .extracting(CampaignArticle::slug).containsExactly("new", "old");
    assertThat(p.repository.content(second.id()).orElseThrow().articles())
        .extracting(CampaignArticle::slug).containsExactly("newest");
    assertThat(second.subject()).isEqualTo("Title of newest");
    assertThat(p.repository.content(second.id()).orElseThrow().articles().get(0).bodyHtml())
        .isNull();
  }

  @Test
  void createDigest_whenRangeIsEmptyOrReversed_refuses() {
    assertThatThrownBy(() -> p.service.create(new CampaignRequest(null, true,
        p.clock.now().minusSeconds(10), p.clock.now().minusSeconds(20), null, null, null), "e"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> p.service.create(new CampaignRequest(null, true,
        p.clock.now().minusSeconds(100), p.clock.now().minusSeconds(20), null, null, null), "e"))
        .isInstanceOf(ValidationException.class);
  }
}

package dev.newsroom.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.campaigns.CampaignMailer.Outcome;
import dev.newsroom.campaigns.CampaignMailer.Result;
import dev.newsroom.shared.StdoutCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender's per-batch progress metrics add up to the campaign's own counters. */
class CampaignMetricsTest {

  private static final List<String> METRICS = List.of("CampaignEmailsSent",
      "CampaignEmailsFailed", "CampaignRecipientsSkipped", "CampaignRecipientsUncertain",
      "CampaignSendsThrottled");

  private final Pipeline p = new Pipeline();

  private Campaign articleCampaign(int subscribers) {
    p.subscribers(subscribers);
    p.articles.publish("storm", p.clock.now().minusSeconds(60), "weather");
    return p.service.create(new CampaignRequest("storm", false, null, null, null, null, null),
        "editor");
  }

  @Test
  void send_whenOneIsRejected_countsSentAndFailedAsTheCampaignDoes() {
    Campaign campaign = articleCampaign(30);
    p.mailer.then(Result.SENT, new Result(Outcome.REJECTED, "MessageRejected"));

    try (StdoutCapture out = StdoutCapture.start()) {
      p.service.start(campaign.id(), null);
      p.drain();

      assertThat(out.metric("CampaignEmailsSent")).isEqualTo(29);
      assertThat(out.metric("CampaignEmailsFailed")).isEqualTo(1);
      assertThat(out.metric("CampaignRecipientsSkipped")).isZero();
    }
    assertThat(p.repository.find(campaign.id()).orElseThrow().counts().sent()).isEqualTo(29);
  }

  @Test
  void send_whenSubscribersLeave_countsSkipsByReason() {
    Campaign campaign = articleCampaign(20);
    p.mailer.beforeSend = m -> {
      if (m.to().equals("reader0@example.com")) {
        p.subscribers.unmailable(Pipeline.id(10), "unsubscribed");
        p.subscribers.unmailable(Pipeline.id(11), "suppressed");
      }
    };

    try (StdoutCapture out = StdoutCapture.start()) {
      p.service.start(campaign.id(), null);
      p.drain();

      assertThat(out.metric("CampaignRecipientsSkipped")).isEqualTo(2);
      assertThat(out.metricLines("CampaignRecipientsSkipped"))
          .extracting(line -> line.path("reason").asText())
          .containsExactlyInAnyOrder("unsubscribed", "suppressed");
      assertThat(out.metric("CampaignEmailsSent")).isEqualTo(18);
    }
  }

  @Test
  void send_whenThrottled_countsTheThrottledBatchesAndNoExtraSends() {
    Campaign campaign = articleCampaign(60);
    p.mailer.then(Result.SENT, new Result(Outcome.THROTTLED, null),
        new Result(Outcome.THROTTLED, null));

    try (StdoutCapture out = StdoutCapture.start()) {
      p.service.start(campaign.id(), null);
      p.drain();

      assertThat(out.metric("CampaignSendsThrottled")).isEqualTo(2);
      assertThat(out.metric("CampaignEmailsSent")).isEqualTo(60);
    }
  }

  @Test
  void send_whenAClaimOutlivedItsSender_countsTheRecipientUncertain() {
    Campaign campaign = articleCampaign(10);
    p.mailer.then(new Result(Outcome.UNKNOWN, "no-answer"));

    try (StdoutCapture out = StdoutCapture.start()) {
      p.service.start(campaign.id(), null);
      p.drain();

      assertThat(out.metric("CampaignRecipientsUncertain")).isEqualTo(1);
      assertThat(out.metric("CampaignEmailsSent")).isEqualTo(9);
    }
  }

  @Test
  void metrics_whenCampaignSends_carryNoAddressNoIdAndNoToken() {
    Campaign campaign = articleCampaign(12);
    p.mailer.then(Result.SENT, new Result(Outcome.REJECTED, "MessageRejected"));

    try (StdoutCapture out = StdoutCapture.start()) {
      p.service.start(campaign.id(), null);
      p.drain();

      List<JsonNode> lines = METRICS.stream().flatMap(name -> out.metricLines(name).stream())
          .toList();
      assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.toString())
          .doesNotContain("@", campaign.id(), Pipeline.id(0)));
    }
  }
}

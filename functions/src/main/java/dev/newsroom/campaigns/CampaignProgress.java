package dev.newsroom.campaigns;

import dev.newsroom.shared.Log;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counting what attempts settled, and ending a campaign once every recipient is settled. */
final class CampaignProgress {

  private CampaignProgress() {}

  /**
   * Counts, under each attempt id, what earlier attempts of the same message settled but did not
   * live to count (a crash, a timeout). Attempt ids are {@code <message id>#<random>}.
   */
  static void countEarlierAttempts(CampaignRepository repository, String campaignId,
      String messageId, String attemptId, List<Recipient> recipients, Instant now) {
    Map<String, Tally> earlier = new HashMap<>();
    for (Recipient r : recipients) {
      String by = r.settledBy();
      if (r.state().isFinal() && by != null && !by.equals(attemptId)
          && by.startsWith(messageId + "#")) {
        earlier.computeIfAbsent(by, k -> new Tally()).add(r.state(), r.reason());
      }
    }
    earlier.forEach((by, tally) -> {
      if (!repository.counted(campaignId, by)) {
        repository.count(campaignId, by, tally).ifPresent(c -> finishIfComplete(repository, c, now));
        Log.info("campaign.recounted", Map.of("campaignId", campaignId, "settled", tally.total()));
      }
    });
  }

  /** Moves a sending campaign to done once expansion ended and every recipient is settled. */
  static void finishIfComplete(CampaignRepository repository, Campaign campaign, Instant now) {
    if (campaign.state() == CampaignState.SENDING && campaign.expansion().done()
        && campaign.counts().finished() >= campaign.counts().recipients()) {
      if (repository.save(campaign.finish(now))) {
        Log.info("campaign.done", Map.of("campaignId", campaign.id(),
            "recipients", campaign.counts().recipients(), "sent", campaign.counts().sent()));
      }
    }
  }
}

package dev.newsroom.campaigns;

import dev.newsroom.shared.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The campaigns store in memory, with the same conditions as the DynamoDB one. */
final class InMemoryCampaignRepository implements CampaignRepository {

  private final Map<String, Campaign> campaigns = new HashMap<>();
  private final Map<String, CampaignContent> contents = new HashMap<>();
  private final Map<String, TreeMap<String, Recipient>> recipients = new HashMap<>();
  private final Set<String> counted = new HashSet<>();
  private Instant digestEnd;
  /** Writes, to check the cost per recipient. */
  int writes;
  /** Set when the process "dies": its last tally never reaches the store. */
  boolean loseNextCount;

  @Override
  public synchronized boolean create(Campaign campaign, CampaignContent content) {
    writes += 2;
    if (campaigns.containsKey(campaign.id())) {
      return false;
    }
    campaigns.put(campaign.id(), campaign);
    contents.put(campaign.id(), content);
    recipients.put(campaign.id(), new TreeMap<>());
    return true;
  }

  @Override
  public synchronized Optional<Campaign> find(String id) {
    return Optional.ofNullable(campaigns.get(id));
  }

  @Override
  public synchronized Optional<CampaignContent> content(String id) {
    return Optional.ofNullable(contents.get(id));
  }

  @Override
  public synchronized boolean save(Campaign next) {
    writes++;
    Campaign stored = campaigns.get(next.id());
    if (stored == null || stored.version() != next.version() - 1) {
      return false;
    }
    // Control fields only: counters and expansion keep their stored values.
    campaigns.put(next.id(), new Campaign(next.id(), next.articleSlug(), next.digestFrom(),
        next.digestTo(), next.subject(), next.preheader(), next.audience(), next.state(),
        next.scheduledAt(), next.createdAt(), next.updatedAt(), next.startedAt(),
        next.finishedAt(), next.createdBy(), next.startKey(), stored.expansion(),
        next.startQueued(), stored.counts(), next.version()));
    return true;
  }

  @Override
  public synchronized Optional<Recipient> addRecipient(String campaignId, String subscriberId,
      long page) {
    writes++;
    Recipient existing = recipients.get(campaignId).get(subscriberId);
    if (existing != null) {
      return Optional.of(existing);
    }
    recipients.get(campaignId).put(subscriberId, new Recipient(campaignId, subscriberId,
        RecipientState.PENDING, page, null, null, null, null, false));
    return Optional.empty();
  }

  @Override
  public synchronized Optional<Campaign> commitPage(String campaignId, long page,
      String nextCursor, boolean done, long added) {
    writes++;
    Campaign c = campaigns.get(campaignId);
    if (c.expansion().pages() != page - 1) {
      return Optional.empty();
    }
    Counts k = c.counts();
    Campaign next = withCounts(new Campaign(c.id(), c.articleSlug(), c.digestFrom(),
        c.digestTo(), c.subject(), c.preheader(), c.audience(), c.state(), c.scheduledAt(),
        c.createdAt(), c.updatedAt(), c.startedAt(), c.finishedAt(), c.createdBy(), c.startKey(),
        new Campaign.Expansion(nextCursor, page, done), c.startQueued(), k, c.version()),
        new Counts(k.recipients() + added, k.sent(), k.failed(), k.skipped(), k.uncertain(),
            k.bounced(), k.complained(), k.unsubscribed(), k.failedReasons(),
            k.skippedReasons()));
    campaigns.put(campaignId, next);
    return Optional.of(next);
  }

  @Override
  public synchronized List<Recipient> recipients(String campaignId,
      Collection<String> subscriberIds) {
    List<Recipient> found = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(subscriberIds)) {
      Recipient r = recipients.get(campaignId).get(id);
      if (r != null) {
        found.add(r);
      }
    }
    return found;
  }

  @Override
  public synchronized Page<Recipient> recipients(String campaignId, RecipientState state,
      String cursor, int limit) {
    TreeMap<String, Recipient> all = recipients.getOrDefault(campaignId, new TreeMap<>());
    var tail = cursor == null ? all : all.tailMap(cursor, false);
    List<Recipient> page = new ArrayList<>();
    String last = null;
    int looked = 0;
    for (Recipient r : tail.values()) {
      if (looked == limit) {
        return new Page<>(page, last);
      }
      looked++;
      last = r.subscriberId();
      if (state == null || r.state() == state) {
        page.add(r);
      }
    }
    return new Page<>(page, null);
  }

  @Override
  public synchronized boolean claim(String campaignId, String subscriberId, Instant leaseUntil) {
    writes++;
    Recipient r = recipients.get(campaignId).get(subscriberId);
    if (r == null || r.state() != RecipientState.PENDING) {
      return false;
    }
    put(new Recipient(campaignId, subscriberId, RecipientState.SENDING, r.page(), leaseUntil,
        null, null, r.feedback(), r.unsubscribed()));
    return true;
  }

  @Override
  public synchronized boolean settle(String campaignId, String subscriberId, RecipientState from,
      RecipientState to, String reason, String batchId, Instant leaseExpiredBy) {
    writes++;
    Recipient r = recipients.get(campaignId).get(subscriberId);
    if (r == null || r.state() != from
        || (leaseExpiredBy != null && r.leaseUntil().isAfter(leaseExpiredBy))) {
      return false;
    }
    put(new Recipient(campaignId, subscriberId, to, r.page(), r.leaseUntil(), reason, batchId,
        r.feedback(), r.unsubscribed()));
    return true;
  }

  @Override
  public synchronized boolean release(String campaignId, String subscriberId) {
    writes++;
    Recipient r = recipients.get(campaignId).get(subscriberId);
    if (r == null || r.state() != RecipientState.SENDING) {
      return false;
    }
    put(new Recipient(campaignId, subscriberId, RecipientState.PENDING, r.page(), null, null,
        null, r.feedback(), r.unsubscribed()));
    return true;
  }

  @Override
  public synchronized Optional<Campaign> count(String campaignId, String batchId, Tally tally) {
    writes += 2;
    if (loseNextCount) {
      loseNextCount = false;
      throw new IllegalStateException("the process died before counting");
    }
    if (!counted.add(campaignId + "/" + batchId)) {
      return Optional.empty();
    }
    Campaign c = campaigns.get(campaignId);
    Counts k = c.counts();
    Map<String, Long> failed = new HashMap<>(k.failedReasons());
    tally.failed().forEach((r, n) -> failed.merge(r, n, Long::sum));
    Map<String, Long> skipped = new HashMap<>(k.skippedReasons());
    tally.skipped().forEach((r, n) -> skipped.merge(r, n, Long::sum));
    Campaign next = withCounts(c, new Counts(k.recipients(), k.sent() + tally.sent(),
        k.failed() + sum(tally.failed()), k.skipped() + sum(tally.skipped()),
        k.uncertain() + tally.uncertain(), k.bounced(), k.complained(), k.unsubscribed(), failed,
        skipped));
    campaigns.put(campaignId, next);
    return Optional.of(next);
  }

  @Override
  public synchronized boolean counted(String campaignId, String batchId) {
    return counted.contains(campaignId + "/" + batchId);
  }

  @Override
  public synchronized boolean recordFeedback(String campaignId, String subscriberId,
      String kind) {
    Recipient r = recipients.getOrDefault(campaignId, new TreeMap<>()).get(subscriberId);
    if (r == null || kind.equals(r.feedback())) {
      return false;
    }
    put(new Recipient(campaignId, subscriberId, r.state(), r.page(), r.leaseUntil(), r.reason(),
        r.settledBy(), kind, r.unsubscribed()));
    Campaign c = campaigns.get(campaignId);
    Counts k = c.counts();
    boolean complaint = kind.equals("complaint");
    campaigns.put(campaignId, withCounts(c, new Counts(k.recipients(), k.sent(), k.failed(),
        k.skipped(), k.uncertain(), k.bounced() + (complaint ? 0 : 1),
        k.complained() + (complaint ? 1 : 0), k.unsubscribed(), k.failedReasons(),
        k.skippedReasons())));
    return true;
  }

  @Override
  public synchronized boolean recordUnsubscribe(String campaignId, String subscriberId) {
    Recipient r = recipients.getOrDefault(campaignId, new TreeMap<>()).get(subscriberId);
    if (r == null || r.unsubscribed() || (r.state() != RecipientState.SENT
        && r.state() != RecipientState.UNCERTAIN)) {
      return false;
    }
    put(new Recipient(campaignId, subscriberId, r.state(), r.page(), r.leaseUntil(), r.reason(),
        r.settledBy(), r.feedback(), true));
    Campaign c = campaigns.get(campaignId);
    Counts k = c.counts();
    campaigns.put(campaignId, withCounts(c, new Counts(k.recipients(), k.sent(), k.failed(),
        k.skipped(), k.uncertain(), k.bounced(), k.complained(), k.unsubscribed() + 1,
        k.failedReasons(), k.skippedReasons())));
    return true;
  }

  @Override
  public synchronized Optional<Instant> lastDigestEnd() {
    return Optional.ofNullable(digestEnd);
  }

  @Override
  public synchronized void recordDigestEnd(Instant end) {
    if (digestEnd == null || digestEnd.isBefore(end)) {
      digestEnd = end;
    }
  }

  synchronized List<Recipient> all(String campaignId) {
    return List.copyOf(recipients.get(campaignId).values());
  }

  synchronized void put(Recipient r) {
    recipients.get(r.campaignId()).put(r.subscriberId(), r);
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Campaign withCounts(Campaign c, Counts counts) {
    return new Campaign(c.id(), c.articleSlug(), c.digestFrom(), c.digestTo(), c.subject(),
        c.preheader(), c.audience(), c.state(), c.scheduledAt(), c.createdAt(), c.updatedAt(),
        c.startedAt(), c.finishedAt(), c.createdBy(), c.startKey(), c.expansion(),
        c.startQueued(), counts, c.version());
  }
}

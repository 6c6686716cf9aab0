package dev.newsroom.campaigns;

import dev.newsroom.campaigns.CampaignQueue.Job;
import dev.newsroom.mail.EmailMessage;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.ConflictException;
import dev.newsroom.shared.EmailAddress;
import dev.newsroom.shared.Hashing;
import dev.newsroom.shared.Log;
import dev.newsroom.shared.NotFoundException;
import dev.newsroom.shared.Page;
import dev.newsroom.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What editors do with campaigns, and the campaign that publishing an article starts. */
public final class CampaignService {

  static final int MAX_TEST_ADDRESSES = 5;
  static final int MAX_DIGEST_ARTICLES = 20;
  /** A digest with no earlier digest covers this far back. */
  static final Duration FIRST_DIGEST = Duration.ofDays(7);
  /** How far expansion may look for one follower before a start is accepted anyway. */
  static final int AUDIENCE_PROBE_PAGES = 20;
  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,120}");

  private final CampaignRepository repository;
  private final ArticleSource articles;
  private final SubscriberDirectory subscribers;
  private final CampaignComposer composer;
  private final CampaignMailer mailer;
  private final CampaignQueue queue;
  private final StartScheduler scheduler;
  private final Clock clock;

  public CampaignService(CampaignRepository repository, ArticleSource articles,
      SubscriberDirectory subscribers, CampaignComposer composer, CampaignMailer mailer,
      CampaignQueue queue, StartScheduler scheduler, Clock clock) {
    this.scheduler = scheduler;
    this.repository = repository;
    this.articles = articles;
    this.subscribers = subscribers;
    this.composer = composer;
    this.mailer = mailer;
    this.queue = queue;
    this.clock = clock;
  }

  /** A draft campaign for one published article, or a digest. */
  public Campaign create(CampaignRequest request, String editor) {
    Audience audience = Audience.ofTags(request.audienceTags());
    Instant now = clock.now();
    if (request.articleSlug() != null && request.digest()) {
      throw new ValidationException("article", "Give an article or a digest, not both.");
    }
    if (request.articleSlug() != null) {
      CampaignArticle article = articles.published(request.articleSlug()).orElseThrow(
          () -> new ValidationException("article", "No published article has this slug."));
      String subject = request.subject() == null
          ? CampaignTexts.fit(article.title(), CampaignTexts.MAX_SUBJECT)
          : CampaignTexts.subject(request.subject());
      String preheader = request.preheader() == null
          ? CampaignTexts.fit(article.summary(), CampaignTexts.MAX_PREHEADER)
          : CampaignTexts.preheader(request.preheader());
      Campaign campaign = Campaign.draft("c-" + Hashing.randomToken(12).toLowerCase()
          .replaceAll("[^a-z0-9]", "x"), article.slug(), null, null, subject, preheader, audience,
          editor, null, now);
      store(campaign, new CampaignContent(subject, preheader, List.of(article)));
      return campaign;
    }
    if (!request.digest()) {
      throw new ValidationException("article", "Give an article slug or ask for a digest.");
    }
    return createDigest(request, audience, editor, now);
  }

  private Campaign createDigest(CampaignRequest request, Audience audience, String editor,
      Instant now) {
    Instant to = request.to() == null ? now : request.to();
    Instant from = request.from() != null ? request.from()
        : repository.lastDigestEnd().orElse(to.minus(FIRST_DIGEST));
    if (to.isAfter(now)) {
      throw new ValidationException("to", "A digest cannot reach into the future.");
    }
    if (!from.isBefore(to)) {
      throw new ValidationException("from", "A digest's range must start before it ends.");
    }
    List<CampaignArticle> picked = articles.publishedBetween(from, to, MAX_DIGEST_ARTICLES);
    if (picked.isEmpty()) {
      throw new ValidationException("from", "No article was published in this range.");
    }
    String top = picked.get(0).title();
    String subject = request.subject() != null ? CampaignTexts.subject(request.subject())
        : CampaignTexts.fit(picked.size() == 1 ? top
            : top + " and " + (picked.size() - 1) + " more", CampaignTexts.MAX_SUBJECT);
    String preheader = request.preheader() != null ? CampaignTexts.preheader(request.preheader())
        : CampaignTexts.fit(String.join(" · ", picked.stream().map(CampaignArticle::title)
            .toList()), CampaignTexts.MAX_PREHEADER);
    Campaign campaign = Campaign.draft("d-" + Hashing.randomToken(12).toLowerCase()
        .replaceAll("[^a-z0-9]", "x"), null, from, to, subject, preheader, audience, editor, null,
        now);
    store(campaign, new CampaignContent(subject, preheader,
        picked.stream().map(CampaignArticle::withoutBody).toList()));
    return campaign;
  }

  private void store(Campaign campaign, CampaignContent content) {
    if (!repository.create(campaign, content)) {
      throw new ConflictException("A campaign with this id exists.");
    }
    Log.info("campaign.created", Map.of("campaignId", campaign.id()));
  }

  public Campaign get(String id) {
    return find(id);
  }

  public Page<Recipient> recipients(String id, RecipientState state, String cursor, int limit) {
    find(id);
    return repository.recipients(id, state, cursor, limit);
  }

  public CampaignComposer.Preview preview(String id) {
    find(id);
    return composer.preview(content(id));
  }

  /** The outcome of a test send to one address. */
  public record TestResult(String to, String outcome) {}

  /** Sends the email, marked as a test, to editors' addresses; nothing is counted. */
  public List<TestResult> testSend(String id, List<String> addresses) {
    Campaign campaign = find(id);
    if (addresses == null || addresses.isEmpty() || addresses.size() > MAX_TEST_ADDRESSES) {
      throw new ValidationException("to", "Give 1 to " + MAX_TEST_ADDRESSES + " addresses.");
    }
    Map<String, EmailAddress> parsed = new LinkedHashMap<>();
    for (String raw : addresses) {
      EmailAddress address = EmailAddress.parse("to", raw);
      parsed.put(address.canonical(), address);
    }
    CampaignContent content = content(id);
    List<TestResult> results = new ArrayList<>();
    for (EmailAddress address : parsed.values()) {
      EmailMessage message = composer.composeTest(content, address.value());
      CampaignMailer.Result result = mailer.send(message, campaign.id(), "test");
      results.add(new TestResult(address.value(), switch (result.outcome()) {
        case SENT -> "sent";
        case REJECTED -> "rejected";
        default -> "try-later";
      }));
    }
    Log.info("campaign.test-sent", Map.of("campaignId", id, "addresses", results.size()));
    return results;
  }

  /**
   * Starts now ({@code at} null) or schedules. A start whose first step did not reach the queue
   * (the queue failed) is completed by starting again; any other repeated start is refused.
   */
  public Campaign start(String id, Instant at) {
    Campaign campaign = find(id);
    Instant now = clock.now();
    if (campaign.state() == CampaignState.SENDING && !campaign.startQueued()) {
      return queueExpansion(campaign, now);
    }
    if (campaign.state() != CampaignState.DRAFT) {
      throw new ConflictException("This campaign is " + campaign.state().wire()
          + "; only a draft can start.");
    }
    if (at != null && at.isBefore(now)) {
      throw new ValidationException("at", "The start time is in the past.");
    }
    CampaignContent content = content(id);
    requireAudience(campaign, content);
    if (at != null && at.isAfter(now.plusSeconds(60))) {
      Campaign scheduled = campaign.schedule(at, now);
      // The job first: if the save then loses a race, the job finds another version and idles.
      scheduler.scheduleStart(id, scheduled.version(), at);
      return saveOrConflict(scheduled);
    }
    return begin(campaign, now);
  }

  /**
   * The scheduler's call when a scheduled campaign is due: starts it if it is still scheduled at
   * {@code version}; any other state or version means it was changed or started since, and
   * nothing happens. Safe to call any number of times.
   */
  public void startScheduled(String id, long version) {
    Optional<Campaign> found = repository.find(id);
    if (found.isEmpty()) {
      return;
    }
    Campaign campaign = found.get();
    Instant now = clock.now();
    if (campaign.state() == CampaignState.SCHEDULED && campaign.version() == version) {
      try {
        begin(campaign, now);
      } catch (ConflictException e) {
        Log.info("campaign.schedule-superseded", Map.of("campaignId", id));
      }
    } else if (campaign.state() == CampaignState.SENDING && !campaign.startQueued()) {
      queueExpansion(campaign, now);
    }
  }

  /**
   * The campaign of an article published with "newsletter": exactly one per article and first
   * publication, however often the request or the stream record comes.
   */
  public void startForPublishedArticle(String slug, Instant firstPublishedAt) {
    String id = "a-" + slug + "-" + firstPublishedAt.getEpochSecond();
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("unusable slug for a campaign id");
    }
    Instant now = clock.now();
    Optional<Campaign> existing = repository.find(id);
    if (existing.isEmpty()) {
      Optional<CampaignArticle> article = articles.published(slug);
      if (article.isEmpty()) {
        Log.info("campaign.article-gone", Map.of("slug", slug));
        return;
      }
      String subject = CampaignTexts.fit(article.get().title(), CampaignTexts.MAX_SUBJECT);
      String preheader = CampaignTexts.fit(article.get().summary(), CampaignTexts.MAX_PREHEADER);
      Campaign draft = Campaign.draft(id, slug, null, null, subject, preheader, Audience.ALL,
          "publish", slug + "@" + firstPublishedAt, now);
      if (repository.create(draft, new CampaignContent(subject, preheader,
          List.of(article.get())))) {
        Log.info("campaign.created", Map.of("campaignId", id));
      }
      existing = repository.find(id);
    }
    Campaign campaign = existing.orElseThrow();
    if (campaign.state() == CampaignState.DRAFT) {
      try {
        begin(campaign, now);
      } catch (ConflictException e) {
        Log.info("campaign.start-raced", Map.of("campaignId", id));
      }
    } else if (campaign.state() == CampaignState.SENDING && !campaign.startQueued()) {
      queueExpansion(campaign, now);
    }
  }

  public Campaign pause(String id) {
    Campaign campaign = find(id);
    return saveOrConflict(campaign.pause(clock.now()));
  }

  /** Sends continue to the pending recipients only. */
  public Campaign resume(String id) {
    Campaign campaign = find(id);
    Campaign resumed = saveOrConflict(campaign.resume(clock.now()));
    queue.enqueue(new Job(Job.Kind.REQUEUE, id, null), Duration.ZERO);
    return resumed;
  }

  /**
   * The recipients not yet sent to are skipped; a send in flight completes. Idempotent: a
   * cancelled campaign answers as it is.
   */
  public Campaign cancel(String id) {
    Campaign campaign = find(id);
    // Cancelling again queues the sweep again: the first cancel's may not have reached the queue
    // (503), and a sweep only settles what is still pending.
    Campaign cancelled = campaign.state() == CampaignState.CANCELLED ? campaign
        : saveOrConflict(campaign.cancel(clock.now()));
    // Until expansion ends, the expander owns the sweep: it starts it after its last page, so
    // that no recipient is written behind the sweep.
    if (campaign.expansion().done() || !campaign.startQueued()) {
      queue.enqueue(new Job(Job.Kind.SWEEP, id, null), Duration.ZERO);
    }
    return cancelled;
  }

  private Campaign begin(Campaign campaign, Instant now) {
    Campaign started = saveOrConflict(campaign.start(now));
    if (campaign.isDigest()) {
      repository.recordDigestEnd(campaign.digestTo());
    }
    Log.info("campaign.started", Map.of("campaignId", campaign.id()));
    return queueExpansion(started, now);
  }

  private Campaign queueExpansion(Campaign started, Instant now) {
    queue.enqueue(new Job(Job.Kind.EXPAND, started.id(), null), Duration.ZERO);
    Campaign queued = started.queued(now);
    // A lost race here means another start queued it too; expansion steps are idempotent.
    return repository.save(queued) ? queued : find(started.id());
  }

  /** Refuses a start nobody would receive; a large list with no follower early is accepted. */
  private void requireAudience(Campaign campaign, CampaignContent content) {
    String cursor = null;
    for (int page = 0; page < AUDIENCE_PROBE_PAGES; page++) {
      Page<SubscriberDirectory.Entry> entries = subscribers.confirmed(cursor, 1000);
      if (entries.items().stream().anyMatch(e -> campaign.audience().includes(content.tags(),
          e::follows))) {
        return;
      }
      cursor = entries.nextCursor();
      if (cursor == null) {
        throw new ValidationException("audience", "No confirmed subscriber is in this audience.");
      }
    }
  }

  private Campaign saveOrConflict(Campaign next) {
    if (!repository.save(next)) {
      throw new ConflictException("The campaign changed meanwhile; reload and try again.");
    }
    return next;
  }

  private Campaign find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new NotFoundException("No campaign has this id.");
    }
    return repository.find(id).orElseThrow(() -> new NotFoundException("No campaign has this id."));
  }

  private CampaignContent content(String id) {
    return repository.content(id).orElseThrow(
        () -> new NotFoundException("No campaign has this id."));
  }
}

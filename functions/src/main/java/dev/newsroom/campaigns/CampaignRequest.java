package dev.newsroom.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * What an editor asks for when creating a campaign: an article, or a digest (a range, or
 * everything since the last digest when both ends are null).
 *
 * @param subject null for the default (the article's title)
 * @param preheader null for the default (the article's summary)
 * @param audienceTags null or empty for everyone who follows the content
 */
public record CampaignRequest(String articleSlug, boolean digest, Instant from, Instant to,
    String subject, String preheader, List<String> audienceTags) {}

package dev.newsroom.newsletter;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Clock;
import dev.newsroom.shared.UnavailableException;
import dev.newsroom.subscriptions.LinkSigner;
import dev.newsroom.subscriptions.SecretsManagerLinkKey;

/** Wires the newsletter's real parts from a function's environment (see template.yaml). */
public final class NewslettersWiring {

  private NewslettersWiring() {}

  /**
   * The renderer a sending function uses: {@code SITE_URL} (required), {@code SITE_NAME}
   * (default "Newsroom"), and the link key in the secret named by {@code SUBSCRIPTION_LINK_SECRET},
   * read on the first signed link and then kept for the container's life.
   */
  public static NewsletterRenderer renderer() {
    // An API route cannot name the CloudFront domain (a dependency cycle): until the SiteUrl
    // parameter is set, preview and test send answer 503 rather than mail links to nowhere.
    String siteUrl = Env.optional("SITE_URL").orElseThrow(() -> new UnavailableException(
        "SITE_URL is not set: set the SiteUrl parameter (the SiteUrlNextStep output).", null));
    return new NewsletterRenderer(siteUrl,
        Env.optional("SITE_NAME").orElse("Newsroom"),
        new LinkSigner(new SecretsManagerLinkKey(AwsClients.secretsManager(),
            Env.require("SUBSCRIPTION_LINK_SECRET"))),
        Clock.system());
  }
}

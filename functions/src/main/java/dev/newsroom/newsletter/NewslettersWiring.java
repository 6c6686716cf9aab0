package dev.newsroom.newsletter;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Clock;
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
    return new NewsletterRenderer(Env.require("SITE_URL"),
        Env.optional("SITE_NAME").orElse("Newsroom"),
        new LinkSigner(new SecretsManagerLinkKey(AwsClients.secretsManager(),
            Env.require("SUBSCRIPTION_LINK_SECRET"))),
        Clock.system());
  }
}

package dev.newsroom.subscriptions;

import dev.newsroom.config.AwsErrors;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The link key from a Secrets Manager secret that the template generates (64 random characters),
 * so no person ever sees or types it. Read by {@link LinkSigner} once per container.
 */
public final class SecretsManagerLinkKey implements LinkKey {

  private final SecretsManagerClient secrets;
  private final String secretId;

  public SecretsManagerLinkKey(SecretsManagerClient secrets, String secretId) {
    this.secrets = secrets;
    this.secretId = secretId;
  }

  @Override
  public byte[] load() {
    try {
      return secrets.getSecretValue(r -> r.secretId(secretId)).secretString()
          .getBytes(StandardCharsets.UTF_8);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }
}

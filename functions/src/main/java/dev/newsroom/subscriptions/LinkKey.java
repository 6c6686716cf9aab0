package dev.newsroom.subscriptions;

/** Where the secret behind signed links comes from. */
@FunctionalInterface
public interface LinkKey {

  /**
   * @return the key material, at least {@link LinkSigner#MIN_KEY_BYTES} bytes
   * @throws dev.newsroom.shared.UnavailableException when the store cannot answer now
   */
  byte[] load();
}

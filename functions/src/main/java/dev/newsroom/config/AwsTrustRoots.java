package dev.newsroom.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS trust for the SDK's HTTP client: the Amazon Trust Services roots first, the JDK's own roots
 * only for a chain that does not end at one of them.
 *
 * <p>The HTTP client builds its TLS context when the first SDK client is built, and the JDK's
 * default trust store means parsing about 140 root certificates on every cold start. AWS endpoints
 * chain to the five roots bundled here, so that parse is skipped (see the cold-start bench), while
 * any other chain is still judged exactly as the JDK would judge it: the fallback can refuse what
 * the JDK refuses, and accepts nothing the JDK would not.
 */
public final class AwsTrustRoots {

  static final String BUNDLE = "aws-trust-roots.pem";

  private AwsTrustRoots() {}

  /** For {@code UrlConnectionHttpClient.Builder#tlsTrustManagersProvider}. */
  public static TrustManager[] trustManagers() {
    return new TrustManager[] {
        new FallbackTrustManager(trustManager(keyStore(roots())), AwsTrustRoots::jdkDefault)};
  }

  static List<X509Certificate> roots() {
    try (InputStream in = AwsTrustRoots.class.getResourceAsStream(BUNDLE)) {
      if (in == null) {
        throw new IllegalStateException(BUNDLE + " is missing from the package");
      }
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(X509Certificate.class::cast).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException e) {
      throw new IllegalStateException(BUNDLE + " does not parse", e);
    }
  }

  static X509ExtendedTrustManager jdkDefault() {
    return trustManager(null);
  }

  private static KeyStore keyStore(List<X509Certificate> roots) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (Certificate root : roots) {
        store.setCertificateEntry("root-" + store.size(), root);
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the AWS trust roots", e);
    }
  }

  /** @param store the roots, or null for the JDK's default trust store */
  private static X509ExtendedTrustManager trustManager(KeyStore store) {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a trust manager", e);
    }
  }

  /** Checks a server chain against the primary roots, then, if they refuse it, the fallback's. */
  static final class FallbackTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager primary;
    private final Supplier<X509ExtendedTrustManager> fallbackSource;
    private volatile X509ExtendedTrustManager fallback;

    FallbackTrustManager(X509ExtendedTrustManager primary,
        Supplier<X509ExtendedTrustManager> fallbackSource) {
      this.primary = primary;
      this.fallbackSource = fallbackSource;
    }

    /** One server-chain check, against either trust manager. */
    private interface Check {
      void against(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void server(Check check) throws CertificateException {
      try {
        check.against(primary);
      } catch (CertificateException notAnAwsRoot) {
        check.against(fallback());
      }
    }

    private X509ExtendedTrustManager fallback() {
      X509ExtendedTrustManager loaded = fallback;
      if (loaded == null) {
        loaded = fallbackSource.get();
        fallback = loaded;
      }
      return loaded;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      server(m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      server(m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      server(m -> m.checkServerTrusted(chain, authType, engine));
    }

    /** The functions are only ever TLS clients. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("no client certificates are trusted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return primary.getAcceptedIssuers();
    }
  }
}

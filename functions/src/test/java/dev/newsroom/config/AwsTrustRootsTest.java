package dev.newsroom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.config.AwsTrustRoots.FallbackTrustManager;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

class AwsTrustRootsTest {

  private static final X509Certificate[] CHAIN = new X509Certificate[0];

  @Test
  void roots_fromTheBundle_areTheAmazonTrustServicesRootsTheJdkItselfTrusts() throws Exception {
    List<X509Certificate> roots = AwsTrustRoots.roots();
    List<X509Certificate> jdk = List.of(AwsTrustRoots.jdkDefault().getAcceptedIssuers());

    assertThat(roots).extracting(c -> c.getSubjectX500Principal().getName()).containsExactly(
        "CN=Amazon Root CA 1,O=Amazon,C=US", "CN=Amazon Root CA 2,O=Amazon,C=US",
        "CN=Amazon Root CA 3,O=Amazon,C=US", "CN=Amazon Root CA 4,O=Amazon,C=US",
        "CN=Starfield Services Root Certificate Authority - G2,O=Starfield Technologies\\, Inc.,"
            + "L=Scottsdale,ST=Arizona,C=US");
    assertThat(jdk).containsAll(roots);
    for (X509Certificate root : roots) {
      assertThat(root.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
      root.verify(root.getPublicKey());
    }
  }

  @Test
  void trustManagers_always_giveOneTrustManagerOverTheBundledRoots() {
    assertThat(AwsTrustRoots.trustManagers()).singleElement()
        .isInstanceOfSatisfying(FallbackTrustManager.class,
            m -> assertThat(m.getAcceptedIssuers()).hasSize(AwsTrustRoots.roots().size()));
  }

  @Test
  void checkServerTrusted_whenTheAwsRootsAccept_neverLoadsTheJdkRoots() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    FallbackTrustManager manager = new FallbackTrustManager(new Fake(null), () -> {
      loads.incrementAndGet();
      return new Fake(null);
    });

    manager.checkServerTrusted(CHAIN, "RSA");
    manager.checkServerTrusted(CHAIN, "RSA", (Socket) null);
    manager.checkServerTrusted(CHAIN, "RSA", (SSLEngine) null);

    assertThat(loads).hasValue(0);
  }

  @Test
  void checkServerTrusted_whenTheAwsRootsRefuse_asksTheJdkRootsLoadedOnce() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    Fake jdk = new Fake(null);
    FallbackTrustManager manager = new FallbackTrustManager(new Fake("not an AWS root"), () -> {
      loads.incrementAndGet();
      return jdk;
    });

    manager.checkServerTrusted(CHAIN, "RSA");
    manager.checkServerTrusted(CHAIN, "RSA", (Socket) null);

    assertThat(loads).hasValue(1);
    assertThat(jdk.checks).hasValue(2);
  }

  @Test
  void checkServerTrusted_whenBothRefuse_refusesWithTheJdkReason() {
    FallbackTrustManager manager = new FallbackTrustManager(new Fake("not an AWS root"),
        () -> new Fake("untrusted by the JDK"));

    assertThatThrownBy(() -> manager.checkServerTrusted(CHAIN, "RSA", (SSLEngine) null))
        .isInstanceOf(CertificateException.class).hasMessage("untrusted by the JDK");
  }

  @Test
  void checkClientTrusted_always_refuses() {
    FallbackTrustManager manager = new FallbackTrustManager(new Fake(null), () -> new Fake(null));

    assertThatThrownBy(() -> manager.checkClientTrusted(CHAIN, "RSA"))
        .isInstanceOf(CertificateException.class);
  }

  /** Accepts every chain, or refuses every chain with the given reason. */
  private static final class Fake extends X509ExtendedTrustManager {
    private final String refusal;
    final AtomicInteger checks = new AtomicInteger();

    Fake(String refusal) {
      this.refusal = refusal;
    }

    private void check() throws CertificateException {
      checks.incrementAndGet();
      if (refusal != null) {
        throw new CertificateException(refusal);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      check();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      check();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check();
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

package dev.newsroom.devserver;

import com.adobe.testing.s3mock.S3MockApplication;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The site bucket: S3Mock, a real S3-protocol server, in process and on loopback only. Its files
 * live under {@code root}, so pages survive a restart when the dev server keeps its data. The
 * infra tests use it too.
 */
public final class LocalS3 implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final String endpoint;

  private LocalS3(ConfigurableApplicationContext context, String endpoint) {
    this.context = context;
    this.endpoint = endpoint;
  }

  /**
   * @param root where objects are stored
   * @param keep whether the files stay after the server stops
   * @param buckets the buckets to create, comma-separated
   */
  public static LocalS3 start(Path root, boolean keep, String buckets) {
    Map<String, Object> properties = new HashMap<>();
    // Plain HTTP on 127.0.0.1 for the main connector; S3Mock's extra HTTP connector is moved to
    // loopback by LoopbackConnectors below (it ignores server.address).
    properties.put("server.port", 0);
    properties.put("server.address", "127.0.0.1");
    properties.put("server.ssl.enabled", false);
    properties.put("http.port", 0);
    properties.put("com.adobe.testing.s3mock.store.root", root.toString());
    properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", keep);
    properties.put("com.adobe.testing.s3mock.store.initial-buckets", buckets);
    properties.put("logging.level.root", "WARN");
    properties.put("spring.main.log-startup-info", false);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(
        S3MockApplication.class, LoopbackConnectors.class)
        .properties(properties)
        .bannerMode(Banner.Mode.OFF)
        .run();
    String port = context.getEnvironment().getRequiredProperty("local.server.port");
    return new LocalS3(context, "http://127.0.0.1:" + port);
  }

  public String endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    context.close();
  }

  /** Binds every Tomcat connector S3Mock creates to loopback before it starts listening. */
  @Configuration(proxyBeanMethods = false)
  static class LoopbackConnectors {

    @Bean
    static BeanPostProcessor loopbackOnly() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessBeforeInitialization(Object bean, String name) {
          if (bean instanceof Connector connector) {
            connector.setProperty("address", "127.0.0.1");
          }
          return bean;
        }
      };
    }
  }
}

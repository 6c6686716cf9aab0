package dev.newsroom.images;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.shared.Clock;

/** Wires the real adapters for the image handlers' no-arg constructors. */
final class ImagesWiring {

  private ImagesWiring() {}

  static ImageService service() {
    return new ImageService(repository(), S3UploadSigner.create(Env.require("MEDIA_BUCKET")),
        Clock.system());
  }

  static ImageArrivals arrivals() {
    return new ImageArrivals(repository(),
        new S3ImageStore(AwsClients.s3(), Env.require("MEDIA_BUCKET")), new ImageProcessor(),
        Clock.system());
  }

  static String siteUrl() {
    String url = Env.require("SITE_URL");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static ImageRepository repository() {
    return new DynamoDbImageRepository(AwsClients.dynamoDb(), Env.require("IMAGES_TABLE"));
  }
}

package dev.newsroom.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.newsroom.config.AwsClients;
import dev.newsroom.config.Env;
import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.local.MotoServer;
import dev.newsroom.shared.Clock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Uploads through presigned URLs into S3, processing by the S3-event handler, and the image
 * records in moto's DynamoDB (its conditional updates are the claim). S3 is moto's too, unless
 * the environment names another endpoint ({@code AWS_ENDPOINT_URL_S3}, as CI's LocalStack pass
 * does). Whether S3 refuses a PUT of another size, type or key is checked against an emulator
 * that verifies presigned signatures (moto 5.2.5 does not): LocalStack, when
 * {@code NEWSROOM_SIGNING_S3} names its endpoint (see docs/images.md and docs/localstack.md).
 */
class ImagesIT {

  private static final String BUCKET = "newsroom-media-it";
  private static final String TABLE = "ImagesTable";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static MotoServer moto;
  private static S3Client s3;
  private static DynamoDbClient dynamoDb;
  private static ImageService service;
  private static ProcessImageHandler handler;
  private static DynamoDbImageRepository repository;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    String s3Endpoint = LocalCloud.endpoint("S3").orElse(moto.endpoint());
    s3 = s3(s3Endpoint);
    try {
      s3.createBucket(r -> r.bucket(BUCKET));
    } catch (BucketAlreadyOwnedByYouException earlierRun) {
      // an emulator that outlived an earlier run; every test works under a fresh upload id
    }
    dynamoDb = DynamoDbClient.builder().region(Region.US_EAST_1)
        .endpointOverride(URI.create(moto.endpoint())).credentialsProvider(CREDENTIALS)
        .httpClient(AwsClients.httpClient()).build();
    dynamoDb.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    repository = new DynamoDbImageRepository(dynamoDb, TABLE);
    service = new ImageService(repository, new S3UploadSigner(presigner(s3Endpoint), BUCKET),
        Clock.system());
    handler = new ProcessImageHandler(new ImageArrivals(repository,
        new S3ImageStore(s3, BUCKET), new ImageProcessor(), Clock.system()));
  }

  @AfterAll
  static void stop() {
    s3.close();
    dynamoDb.close();
    moto.close();
  }

  @Test
  void presignedUpload_whenDeclaredSizeAndType_thenStoredUnderUploads() throws Exception {
    byte[] jpeg = TestImages.jpeg(640, 480);
    ImageService.Upload upload = request(jpeg, "image/jpeg");

    assertThat(put(upload.uploadUrl(), jpeg, "image/jpeg")).isEqualTo(200);

    HeadObjectResponse head = s3.headObject(r -> r.bucket(BUCKET).key("uploads/" + upload.id()));
    assertThat(head.contentLength()).isEqualTo(jpeg.length);
    assertThat(head.contentType()).isEqualTo("image/jpeg");
    assertThat(query(upload.uploadUrl(), "X-Amz-SignedHeaders"))
        .contains("content-length").contains("content-type").contains("host");
    assertThat(query(upload.uploadUrl(), "X-Amz-Expires")).isEqualTo("300");
  }

  @Test
  void arrival_whenJpegUploaded_thenEveryWidthPublicAndImmutableAndOriginalGone()
      throws Exception {
    byte[] jpeg = TestImages.jpegWithExif(2400, 1600, 1);
    ImageService.Upload upload = request(jpeg, "image/jpeg");
    put(upload.uploadUrl(), jpeg, "image/jpeg");

    deliver("uploads/" + upload.id());

    Image image = service.status(upload.id());
    assertThat(image.status()).isEqualTo(ImageStatus.READY);
    List<S3Object> renditions = list("images/" + upload.id());
    assertThat(renditions).extracting(S3Object::key).containsExactlyInAnyOrder(
        "images/" + upload.id() + "-2000x1333/600.jpg",
        "images/" + upload.id() + "-2000x1333/1000.jpg",
        "images/" + upload.id() + "-2000x1333/1600.jpg",
        "images/" + upload.id() + "-2000x1333/2000.jpg");
    HeadObjectResponse head = s3.headObject(r -> r.bucket(BUCKET).key(renditions.get(0).key()));
    assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(head.contentType()).isEqualTo("image/jpeg");
    byte[] stored = s3.getObjectAsBytes(r -> r.bucket(BUCKET)
        .key("images/" + upload.id() + "-2000x1333/2000.jpg")).asByteArray();
    assertThat(TestImages.contains(stored, TestImages.MAKER_MARK)).isFalse();
    assertThat(list("uploads/" + upload.id())).isEmpty();
  }

  @Test
  void arrival_whenPolyglot_thenRefusedWithReasonAndNothingPublic() throws Exception {
    byte[] polyglot = TestImages.polyglot();
    ImageService.Upload upload = request(polyglot, "image/jpeg");
    put(upload.uploadUrl(), polyglot, "image/jpeg");

    deliver("uploads/" + upload.id());

    Image image = service.status(upload.id());
    assertThat(image.status()).isEqualTo(ImageStatus.REFUSED);
    assertThat(image.reason()).contains("after the end of the image");
    assertThat(list("images/" + upload.id())).isEmpty();
    assertThat(list("uploads/" + upload.id())).isEmpty();
  }

  @Test
  void arrival_whenEventRedelivered_thenWorkDoneOnce() throws Exception {
    byte[] png = TestImages.png(900, 300);
    ImageService.Upload upload = request(png, "image/png");
    put(upload.uploadUrl(), png, "image/png");
    deliver("uploads/" + upload.id());
    String largest = "images/" + upload.id() + "-900x300/900.png";
    // Remove one rendition: if the second delivery did the work again, it would come back.
    s3.deleteObject(r -> r.bucket(BUCKET).key(largest));

    deliver("uploads/" + upload.id());

    assertThat(list("images/" + upload.id())).extracting(S3Object::key)
        .containsExactly("images/" + upload.id() + "-900x300/600.png");
    assertThat(service.status(upload.id()).status()).isEqualTo(ImageStatus.READY);
  }

  @Test
  void release_whenTheClaimIsStillOurs_thenPending_andWhenTakenOverOrDone_thenUntouched() {
    ImageService.Upload upload = request(TestImages.jpeg(64, 64), "image/jpeg");
    String id = upload.id();
    Instant first = Instant.parse("2026-12-03T10:00:00Z");
    Instant later = first.plus(ImageArrivals.CLAIM_TIMEOUT).plusSeconds(1);

    assertThat(repository.claim(id, first, first.minus(ImageArrivals.CLAIM_TIMEOUT))).isTrue();
    repository.release(id, first.plusMillis(1));
    assertThat(repository.find(id).orElseThrow().status()).isEqualTo(ImageStatus.PROCESSING);
    repository.release(id, first);
    Image released = repository.find(id).orElseThrow();
    assertThat(released.status()).isEqualTo(ImageStatus.PENDING);
    assertThat(released.claimedAt()).isNull();

    // a stale claim taken over: the first worker's late release leaves the new holder's claim
    repository.claim(id, first, first.minus(ImageArrivals.CLAIM_TIMEOUT));
    assertThat(repository.claim(id, later, later.minus(ImageArrivals.CLAIM_TIMEOUT))).isTrue();
    repository.release(id, first);
    assertThat(repository.find(id).orElseThrow().claimedAt()).isEqualTo(later);

    // and a finished image is never made pending again
    repository.markRefused(id, "reason");
    repository.release(id, later);
    assertThat(repository.find(id).orElseThrow().status()).isEqualTo(ImageStatus.REFUSED);
  }

  /** Needs an S3 that verifies SigV4 presigned URLs; moto accepts any PUT to them. */
  @Test
  void presignedUpload_whenOtherSizeTypeOrKey_thenS3Refuses() throws Exception {
    String signing = Env.optional("NEWSROOM_SIGNING_S3").orElse(null);
    assumeThat(signing).as("NEWSROOM_SIGNING_S3 (a LocalStack S3 endpoint)").isNotNull();
    S3Client strict = s3(signing);
    String bucket = "newsroom-media-signing";
    try {
      strict.createBucket(r -> r.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException alreadyThere) {
      // a previous run made it
    }
    ImageService strictService = new ImageService(repository,
        new S3UploadSigner(presigner(signing), bucket), Clock.system());
    byte[] jpeg = TestImages.jpeg(64, 64);
    ImageService.Upload upload = strictService.requestUpload(
        new ImageService.UploadRequest("image/jpeg", (long) jpeg.length, "a.jpg"), "it");
    byte[] longer = java.util.Arrays.copyOf(jpeg, jpeg.length + 1);

    assertThat(put(upload.uploadUrl(), longer, "image/jpeg")).isEqualTo(403);
    assertThat(put(upload.uploadUrl(), jpeg, "text/html")).isEqualTo(403);
    assertThat(put(upload.uploadUrl().replace(upload.id(), "x" + upload.id().substring(1)), jpeg,
        "image/jpeg")).isEqualTo(403);
    assertThat(put(upload.uploadUrl(), jpeg, "image/jpeg")).isEqualTo(200);
    strict.close();
  }

  private static ImageService.Upload request(byte[] bytes, String type) {
    return service.requestUpload(new ImageService.UploadRequest(type, (long) bytes.length,
        "photo"), "editor-it");
  }

  private static int put(String url, byte[] body, String type) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private static void deliver(String key) throws Exception {
    String event = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
        + "\"s3\":{\"bucket\":{\"name\":\"" + BUCKET + "\"},\"object\":{\"key\":\"" + key
        + "\"}}}]}";
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), null);
  }

  private static List<S3Object> list(String prefix) {
    return s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents();
  }

  private static String query(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static S3Client s3(String endpoint) {
    return S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
        .credentialsProvider(CREDENTIALS).httpClient(AwsClients.httpClient())
        .forcePathStyle(true).build();
  }

  private static S3Presigner presigner(String endpoint) {
    return S3Presigner.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
        .credentialsProvider(CREDENTIALS)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
}

package dev.newsroom.images;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The images table in memory, with the same claim rule as the DynamoDB adapter. */
public class InMemoryImageRepository implements ImageRepository {

  private final Map<String, Image> images = new ConcurrentHashMap<>();

  @Override
  public void create(Image image) {
    if (images.putIfAbsent(image.id(), image) != null) {
      throw new IllegalStateException("duplicate id");
    }
  }

  @Override
  public Optional<Image> find(String id) {
    return Optional.ofNullable(images.get(id));
  }

  @Override
  public synchronized boolean claim(String id, Instant now, Instant staleBefore) {
    Image i = images.get(id);
    boolean free = i != null && (i.status() == ImageStatus.PENDING
        || (i.status() == ImageStatus.PROCESSING && i.claimedAt().isBefore(staleBefore)));
    if (free) {
      images.put(id, new Image(i.id(), i.editorId(), i.contentType(), i.size(), i.fileName(),
          ImageStatus.PROCESSING, i.createdAt(), now, 0, 0, null, List.of(), null));
    }
    return free;
  }

  @Override
  public synchronized void release(String id, Instant claimedAt) {
    Image i = images.get(id);
    if (i != null && i.status() == ImageStatus.PROCESSING && claimedAt.equals(i.claimedAt())) {
      images.put(id, new Image(i.id(), i.editorId(), i.contentType(), i.size(), i.fileName(),
          ImageStatus.PENDING, i.createdAt(), null, 0, 0, null, List.of(), null));
    }
  }

  @Override
  public void markReady(String id, int width, int height, String extension,
      List<Image.Rendition> renditions) {
    Image i = images.get(id);
    images.put(id, new Image(i.id(), i.editorId(), i.contentType(), i.size(), i.fileName(),
        ImageStatus.READY, i.createdAt(), null, width, height, extension, renditions, null));
  }

  @Override
  public void markRefused(String id, String reason) {
    Image i = images.get(id);
    images.put(id, new Image(i.id(), i.editorId(), i.contentType(), i.size(), i.fileName(),
        ImageStatus.REFUSED, i.createdAt(), null, 0, 0, null, List.of(), reason));
  }
}

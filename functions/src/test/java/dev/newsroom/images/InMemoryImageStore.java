package dev.newsroom.images;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The media bucket in memory; counts rendition writes so tests can see work done twice. */
public final class InMemoryImageStore implements ImageStore {

  final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  final Map<String, byte[]> renditions = new ConcurrentHashMap<>();
  final Map<String, String> contentTypes = new ConcurrentHashMap<>();
  final AtomicInteger renditionWrites = new AtomicInteger();

  @Override
  public Optional<byte[]> readUpload(String key, long maxBytes) throws TooLargeException {
    byte[] bytes = uploads.get(key);
    if (bytes != null && bytes.length > maxBytes) {
      throw new TooLargeException();
    }
    return Optional.ofNullable(bytes);
  }

  @Override
  public void putRendition(String key, byte[] bytes, String contentType) {
    renditionWrites.incrementAndGet();
    renditions.put(key, bytes);
    contentTypes.put(key, contentType);
  }

  @Override
  public void deleteUpload(String key) {
    uploads.remove(key);
  }
}

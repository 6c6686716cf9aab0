package dev.newsroom.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One publishing pass over the bucket: writes what changed (a file whose MD5 matches the stored
 * ETag is left alone), refuses to write a file twice, and deletes at the end what should be gone
 * (after the pages that linked to it were rewritten).
 */
final class SiteRun {

  /** Parallel reads and writes: enough to hide DynamoDB's and S3's latency. */
  static final int THREADS = 16;

  private final PageStore store;
  /** Fingerprints of the whole bucket when preloaded (a rebuild), else looked up per key. */
  private final Map<String, String> preloaded;
  private final Map<String, Map<String, String>> lookedUp = new ConcurrentHashMap<>();
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final Set<String> toDelete = ConcurrentHashMap.newKeySet();
  private final AtomicInteger writes = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();

  private SiteRun(PageStore store, Map<String, String> preloaded) {
    this.store = store;
    this.preloaded = preloaded;
  }

  /** A run that asks the bucket about the few keys it touches. */
  static SiteRun touching(PageStore store) {
    return new SiteRun(store, null);
  }

  /** A run over the whole bucket, listed once up front. */
  static SiteRun everything(PageStore store) {
    return new SiteRun(store, Map.copyOf(store.fingerprints("")));
  }

  boolean isStored(String key) {
    return stored(key).containsKey(key);
  }

  /** Makes the files whose keys start with {@code prefix} exactly {@code files}. */
  void sync(String prefix, List<SiteFile> files) {
    Set<String> wanted = new TreeSet<>();
    for (SiteFile file : files) {
      wanted.add(file.key());
      write(file);
    }
    for (String key : stored(prefix).keySet()) {
      if (!wanted.contains(key)) {
        toDelete.add(key);
      }
    }
  }

  void write(SiteFile file) {
    if (!written.add(file.key())) {
      throw new IllegalStateException("written twice in one run: " + file.key());
    }
    toDelete.remove(file.key());
    if (file.md5Hex().equals(stored(file.key()).get(file.key()))) {
      unchanged.incrementAndGet();
    } else {
      store.put(file);
      writes.incrementAndGet();
    }
  }

  /** Stored keys under {@code prefix} as they will be after this run. */
  Set<String> keys(String prefix) {
    Set<String> keys = new TreeSet<>(stored(prefix).keySet());
    written.stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
    keys.removeAll(toDelete);
    return keys;
  }

  /** Folders directly under {@code prefix} whose index page exists after this run. */
  Set<String> folders(String prefix) {
    Set<String> names = new TreeSet<>(store.folders(prefix));
    for (String key : written) {
      folderIndex(prefix, key).ifPresent(names::add);
    }
    for (String key : toDelete) {
      folderIndex(prefix, key).ifPresent(names::remove);
    }
    return names;
  }

  private static java.util.Optional<String> folderIndex(String prefix, String key) {
    if (!key.startsWith(prefix) || !key.endsWith("/index.html")) {
      return java.util.Optional.empty();
    }
    String name = key.substring(prefix.length(), key.length() - "/index.html".length());
    return name.isEmpty() || name.contains("/") ? java.util.Optional.empty()
        : java.util.Optional.of(name);
  }

  /** Marks for deletion every stored key under these prefixes that this run did not write. */
  void deleteUnwrittenUnder(String... prefixes) {
    for (String prefix : prefixes) {
      for (String key : stored(prefix).keySet()) {
        if (!written.contains(key)) {
          toDelete.add(key);
        }
      }
    }
  }

  /** Runs {@code action} on every item, {@value #THREADS} at a time; fails if any fails. */
  <T> void forEachInParallel(Collection<T> items, Consumer<T> action) {
    if (items.size() <= 1) {
      items.forEach(action);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, items.size()));
    try {
      List<Future<?>> pending = new ArrayList<>(items.size());
      for (T item : items) {
        pending.add(pool.submit(() -> action.accept(item)));
      }
      for (Future<?> future : pending) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rebuilding", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  SitePublisher.Result finish() {
    Set<String> gone = new TreeSet<>(toDelete);
    gone.removeAll(written);
    gone.forEach(store::delete);
    return new SitePublisher.Result(writes.get(), gone.size(), unchanged.get());
  }

  private Map<String, String> stored(String prefix) {
    if (preloaded == null) {
      return lookedUp.computeIfAbsent(prefix, store::fingerprints);
    }
    Map<String, String> under = new java.util.HashMap<>();
    preloaded.forEach((key, md5) -> {
      if (key.startsWith(prefix)) {
        under.put(key, md5);
      }
    });
    return under;
  }
}

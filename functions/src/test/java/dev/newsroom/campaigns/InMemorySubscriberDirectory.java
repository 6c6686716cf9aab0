package dev.newsroom.campaigns;

import dev.newsroom.shared.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Subscribers in id order; a page is {@code limit} stored entries, confirmed or not. */
final class InMemorySubscriberDirectory implements SubscriberDirectory {

  private final TreeMap<String, Entry> entries = new TreeMap<>();

  synchronized void confirmed(String id, String email) {
    entries.put(id, new Entry(id, email, null, true, Set.of()));
  }

  synchronized void following(String id, String email, String... tags) {
    entries.put(id, new Entry(id, email, null, false, Set.of(tags)));
  }

  synchronized void unmailable(String id, String reason) {
    Entry e = entries.get(id);
    entries.put(id, new Entry(id, reason.equals("erased") ? null : e.email(), reason,
        e.allNews(), e.tags()));
  }

  @Override
  public synchronized Page<Entry> confirmed(String cursor, int limit) {
    Map<String, Entry> tail = cursor == null ? entries : entries.tailMap(cursor, false);
    List<Entry> page = new ArrayList<>();
    String last = null;
    int looked = 0;
    for (Entry e : tail.values()) {
      if (looked == limit) {
        return new Page<>(page, last);
      }
      looked++;
      last = e.id();
      if (e.unmailable() == null) {
        page.add(e);
      }
    }
    return new Page<>(page, null);
  }

  @Override
  public synchronized Optional<Entry> find(String id) {
    return Optional.ofNullable(entries.get(id));
  }
}

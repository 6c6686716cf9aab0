package dev.newsroom.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editors' API in memory, with its rules that matter to the client: a PUT of the same
 * content writes nothing, publishing twice is a no-op, an image is pending for a while after its
 * upload. Records every call, and fails the next one when told to.
 */
public final class InMemoryNewsroomApi implements NewsroomApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An article as stored: the last draft, its version and status. */
  public record Stored(ArticleDraft draft, long version, String status) {}

  public final Map<String, Stored> articles = new LinkedHashMap<>();
  public final Map<String, byte[]> uploads = new LinkedHashMap<>();
  public final List<String> calls = new ArrayList<>();
  public final List<JsonNode> messages = new ArrayList<>();
  /** How many status checks an upload stays pending for. */
  public int pendingChecks = 1;
  /** Refuse every image with this reason. */
  public String refuseImages;

  private final Map<String, Integer> checks = new LinkedHashMap<>();
  private RuntimeException nextFailure;
  private int articlesPageSize = 2;
  private int nextImage = 1;

  public void failNext(RuntimeException failure) {
    this.nextFailure = failure;
  }

  public void forgetImages() {
    uploads.clear();
    checks.clear();
  }

  private void call(String what) {
    calls.add(what);
    if (nextFailure != null) {
      RuntimeException failure = nextFailure;
      nextFailure = null;
      throw failure;
    }
  }

  @Override
  public SavedArticle putArticle(String slug, ArticleDraft draft) {
    call("PUT " + slug);
    Stored before = articles.get(slug);
    if (before != null && before.draft().equals(draft)) {
      return saved(slug, before, false);
    }
    Stored after = new Stored(draft, before == null ? 1 : before.version() + 1,
        before == null ? "draft" : before.status());
    articles.put(slug, after);
    return saved(slug, after, before == null);
  }

  @Override
  public SavedArticle publish(String slug, boolean newsletter) {
    call("publish " + slug + (newsletter ? " newsletter" : ""));
    return setStatus(slug, "published");
  }

  @Override
  public SavedArticle schedule(String slug, String publishAt, boolean newsletter) {
    call("schedule " + slug + " " + publishAt);
    return setStatus(slug, "scheduled");
  }

  @Override
  public SavedArticle unpublish(String slug) {
    call("unpublish " + slug);
    return setStatus(slug, "draft");
  }

  @Override
  public void delete(String slug) {
    call("delete " + slug);
    if (articles.remove(slug) == null) {
      throw new ApiRefusedException(404, "not_found", null, "No article has this slug.");
    }
  }

  @Override
  public JsonNode articles(String status, String cursor) {
    call("list " + status + (cursor == null ? "" : " " + cursor));
    List<String> slugs = articles.entrySet().stream()
        .filter(e -> e.getValue().status().equals(status)).map(Map.Entry::getKey).toList();
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(slugs.size(), from + articlesPageSize);
    ObjectNode page = JSON.createObjectNode();
    var items = page.putArray("items");
    for (String slug : slugs.subList(from, to)) {
      items.addObject().put("slug", slug).put("status", status)
          .put("title", articles.get(slug).draft().title())
          .put("updatedAt", "2026-12-03T09:15:00Z");
    }
    if (to < slugs.size()) {
      page.put("nextCursor", Integer.toString(to));
    } else {
      page.putNull("nextCursor");
    }
    return page;
  }

  @Override
  public JsonNode messages(String status, String cursor) {
    call("messages " + status);
    ObjectNode page = JSON.createObjectNode();
    page.putArray("items").addAll(messages);
    page.putNull("nextCursor");
    return page;
  }

  @Override
  public ImageUpload requestImageUpload(String contentType, long size, String fileName) {
    call("request upload " + fileName);
    String id = String.format("img%019d", nextImage++);
    checks.put(id, 0);
    return new ImageUpload(id, "https://uploads.example/" + id,
        Map.of("Content-Type", contentType, "Content-Length", Long.toString(size)));
  }

  @Override
  public void upload(ImageUpload upload, byte[] bytes) {
    call("upload " + upload.id());
    uploads.put(upload.id(), bytes);
  }

  @Override
  public ImageState image(String id) {
    call("image " + id);
    if (!uploads.containsKey(id)) {
      throw new ApiRefusedException(404, "not_found", null, "No image has this id.");
    }
    if (refuseImages != null) {
      return new ImageState(id, "refused", null, refuseImages);
    }
    int seen = checks.merge(id, 1, Integer::sum);
    if (seen <= pendingChecks) {
      return new ImageState(id, "pending", null, null);
    }
    return new ImageState(id, "ready", "/images/" + id + "-800x600/600.jpg", null);
  }

  public long uploadCount() {
    return calls.stream().filter(c -> c.startsWith("upload ")).count();
  }

  private SavedArticle setStatus(String slug, String status) {
    Stored before = articles.get(slug);
    if (before == null) {
      throw new ApiRefusedException(404, "not_found", null, "No article has this slug.");
    }
    if (before.status().equals(status)) {
      return saved(slug, before, false);
    }
    Stored after = new Stored(before.draft(), before.version() + 1, status);
    articles.put(slug, after);
    return saved(slug, after, false);
  }

  private static SavedArticle saved(String slug, Stored stored, boolean created) {
    ObjectNode json = JSON.createObjectNode().put("slug", slug).put("status", stored.status())
        .put("version", stored.version());
    return new SavedArticle(slug, stored.status(), stored.version(), created, json);
  }
}

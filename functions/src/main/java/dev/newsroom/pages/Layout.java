package dev.newsroom.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders pages in the site's look for one site: the published pages and the pages handlers
 * answer with. Pure: the same input gives the same bytes.
 */
public final class Layout {

  record Field(String name, String value) {}

  record TagChoice(String tag, String label) {}

  record FormView(String action, List<Field> hidden, String button, String emailLabel) {}

  private final SiteConfig site;

  public Layout(SiteConfig site) {
    this.site = site;
  }

  public SiteConfig site() {
    return site;
  }

  public String absolute(String path) {
    return site.url() + path;
  }

  /** A scope with what the layout reads ({@code site}, {@code page}); callers add the rest. */
  public Map<String, Object> scope(PageMeta meta) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("site", site);
    scope.put("page", meta);
    return scope;
  }

  /** @param template a template of {@code site/templates}, without its extension */
  public String render(String template, Map<String, Object> scope) {
    return Templates.render(template, scope);
  }

  /** A message page as HTML; never indexed (see {@link PageMeta#message}). */
  public String message(MessagePage page) {
    Map<String, Object> scope = scope(PageMeta.message(site, page));
    scope.put("heading", page.heading());
    scope.put("paragraphs", page.paragraphs());
    if (page.form() != null) {
      List<Field> hidden = new TreeMap<>(page.form().hidden()).entrySet().stream()
          .map(e -> new Field(e.getKey(), e.getValue())).toList();
      scope.put("form", new FormView(page.form().action(), hidden, page.form().button(),
          page.form().emailLabel()));
    }
    return render("message", scope);
  }

  /** A subscriber's preferences page (newsletter topics). */
  public String preferences(PreferencesPage page) {
    Map<String, Object> scope = scope(PageMeta.personal(site, page.path(), "Newsletter topics",
        "Your newsletter topics", "Choose what the newsletter brings you."));
    scope.put("action", page.path());
    scope.put("token", page.token());
    scope.put("all", page.all());
    scope.put("followed", page.followed().stream()
        .map(tag -> new TagChoice(tag, SitePaths.label(tag))).toList());
    scope.put("hasFollowed", !page.followed().isEmpty());
    scope.put("notice", page.notice());
    scope.put("unsubscribeAction", page.unsubscribePath());
    scope.put("unsubscribeToken", page.unsubscribeToken());
    return render("preferences", scope);
  }
}

package dev.newsroom.pages;

import java.util.List;

/**
 * A subscriber's newsletter preferences, in the site's look: all news or chosen tags, and a
 * button to unsubscribe. Values are plain text, escaped when rendered.
 *
 * @param path the page's public path (its canonical URL; the page is never indexed)
 * @param token the preferences link's token, posted back with the choice
 * @param all true when the subscriber follows all news
 * @param followed the tags followed now, ticked on the page
 * @param notice a line to confirm a change, or null
 * @param unsubscribePath where the unsubscribe button posts
 * @param unsubscribeToken its own unsubscribe token: a preferences token cannot unsubscribe
 */
public record PreferencesPage(String path, String token, boolean all, List<String> followed,
    String notice, String unsubscribePath, String unsubscribeToken) {

  public PreferencesPage {
    followed = List.copyOf(followed);
  }
}

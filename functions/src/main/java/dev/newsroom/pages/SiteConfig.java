package dev.newsroom.pages;

import dev.newsroom.config.Env;

/**
 * What pages need to know about the site itself.
 *
 * @param url the public origin, without a trailing slash, e.g. {@code https://news.example.com}
 * @param name the site's name, shown in the masthead and feeds
 */
public record SiteConfig(String url, String name) {

  public SiteConfig {
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public static SiteConfig fromEnv() {
    return new SiteConfig(Env.require("SITE_URL"), Env.optional("SITE_NAME").orElse("Newsroom"));
  }
}

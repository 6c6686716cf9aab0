package dev.newsroom.newsletter;

/** A newsletter as it reads, both parts: what an editor previews before sending. */
public record RenderedNewsletter(String subject, String html, String text) {}

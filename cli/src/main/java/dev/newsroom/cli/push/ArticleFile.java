package dev.newsroom.cli.push;

import java.nio.file.Path;
import java.util.Map;

/**
 * An article file, read and checked: its front matter, its Markdown body, and the local image
 * files it refers to.
 *
 * @param images each local image link as written (hero and body) and the file it names
 */
public record ArticleFile(Path file, String slug, FrontMatter meta, String body,
    Map<String, Path> images) {}

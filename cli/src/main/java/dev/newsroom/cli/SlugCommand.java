package dev.newsroom.cli;

import dev.newsroom.articles.Slugs;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What the commands on one article share: the root's options and a checked slug. */
abstract class SlugCommand {

  @ParentCommand
  Newsroom root;

  @Spec
  CommandSpec spec;

  String requireSlug(String slug) {
    if (!Slugs.isSlug(slug)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Not a slug: '" + slug
          + "' (1-120 characters of a-z, 0-9 and single hyphens).");
    }
    return slug;
  }
}

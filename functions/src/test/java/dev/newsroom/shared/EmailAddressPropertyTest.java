package dev.newsroom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a visitor types, an accepted address can go into a header as it is. */
class EmailAddressPropertyTest {

  @Property(tries = 3000)
  void parse_whateverTheText_givesAHeaderSafeAddressOrRefuses(@ForAll("addresses") String raw) {
    try {
      EmailAddress address = EmailAddress.parse(raw);
      assertThat(address.value()).doesNotContain("\r", "\n", "<", ">", " ", ",", ";", "\"", "\t")
          .hasSizeLessThanOrEqualTo(EmailAddress.MAX_LENGTH).containsOnlyOnce("@");
      assertThat(address.value().chars()).allMatch(c -> c > 32 && c < 127);
      assertThat(address.toString()).doesNotContain("@");
    } catch (ValidationException refused) {
      assertThat(refused.field()).isEqualTo("email");
      // One of the fixed texts, so the input is never echoed (a substring check fails on "T").
      assertThat(refused.getMessage()).isIn("The email address is required.",
          "The email address must not contain line breaks.",
          "Give the email address alone, without a name or angle brackets.",
          "The email address is not valid.",
          "The email address must be at most " + EmailAddress.MAX_LENGTH + " characters.");
    }
  }

  @Provide
  Arbitrary<String> addresses() {
    Arbitrary<String> local = Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars(".+-_").ofMinLength(1).ofMaxLength(70),
        Arbitraries.strings().all().ofMaxLength(10));
    Arbitrary<String> domain = Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars(".-").ofMinLength(1).ofMaxLength(70),
        Arbitraries.of("example.org", "EXAMPLE.org", "bücher.example", "[127.0.0.1]", "1.2.3.4",
            "example.org\r\nBcc: x@evil.test", "example.org>", "example..org"));
    Arbitrary<String> joiner = Arbitraries.of("@", "@", "@", "@@", "", " @ ", "%40", "\n@");
    return Combinators.combine(local, joiner, domain, Arbitraries.of("", "", " ", "\r\n", ",x@y.z",
        ">\r\nBcc: a@b.c")).as((l, j, d, tail) -> l + j + d + tail);
  }
}

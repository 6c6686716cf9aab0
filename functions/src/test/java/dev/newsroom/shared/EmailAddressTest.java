package dev.newsroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

  @Test
  void parse_whenPlainAddress_keepsLocalCaseAndLowerCasesDomain() {
    EmailAddress address = EmailAddress.parse("  Ada.Lovelace+news@Example.ORG \t");

    assertThat(address.value()).isEqualTo("Ada.Lovelace+news@example.org");
    assertThat(address.domain()).isEqualTo("example.org");
    assertThat(address.canonical()).isEqualTo("ada.lovelace+news@example.org");
  }

  @Test
  void parse_whenUnicodeDomain_normalisesToPunycode() {
    assertThat(EmailAddress.parse("leser@bücher.de").value()).isEqualTo("leser@xn--bcher-kva.de");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b.co", "o'brien@example.ie", "x_y-z@sub.domain.example.com",
      "!#$%&'*+/=?^_`{|}~-@example.com", "first.last@example.museum", "1@2.example"})
  void parse_whenSaneAddress_accepts(String raw) {
    assertThat(EmailAddress.isValid(raw)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "plainaddress", "@example.com", "ada@", "ada@@example.com", "a@b@example.com",
      "ada@localhost", "ada@example", "ada@example.com.", "ada@.example.com",
      "ada@exa..mple.com", "ada@-example.com", "ada@example-.com", "ada@exa_mple.com",
      ".ada@example.com", "ada.@example.com", "ad..a@example.com", "\"ada\"@example.com",
      "ada(comment)@example.com", "ada@[192.0.2.1]", "ada@192.0.2.1", "adà@example.com",
      "ada,bob@example.com", "ada;bob@example.com", "ada@exa mple.com", "a da@example.com"})
  void parse_whenNotAPlainMailbox_refuses(String raw) {
    assertThatThrownBy(() -> EmailAddress.parse(raw))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("email"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ada <ada@example.com>", "<ada@example.com>", "\"Ada\" <ada@example.com>"})
  void parse_whenDisplayName_refusesWithAHint(String raw) {
    assertThatThrownBy(() -> EmailAddress.parse(raw))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("without a name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada@example.com\r\nBcc: victim@example.net", "ada@example.com\n",
      "\rada@example.com", "\nada@example.com", "ada@example.com\r"})
  void parse_whenLineBreakAnywhere_refusesEvenAtTheEnds(String raw) {
    assertThatThrownBy(() -> EmailAddress.parse(raw))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("line breaks");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void parse_whenMissing_saysRequired(String raw) {
    assertThatThrownBy(() -> EmailAddress.parse("replyTo", raw))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("replyTo");
          assertThat(e.getMessage()).contains("required");
        });
  }

  @Test
  void parse_when254Characters_accepts() {
    String address = "a".repeat(64) + "@" + domainOfLength(254 - 65);

    assertThat(address).hasSize(254);
    assertThat(EmailAddress.parse(address).value()).isEqualTo(address);
  }

  @Test
  void parse_when255Characters_refuses() {
    String address = "a".repeat(64) + "@" + domainOfLength(255 - 65);

    assertThatThrownBy(() -> EmailAddress.parse(address))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 254");
  }

  @Test
  void parse_whenLocalPartOver64_refuses() {
    assertThat(EmailAddress.isValid("a".repeat(64) + "@example.com")).isTrue();
    assertThat(EmailAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
  }

  @Test
  void parse_whenLabelOver63_refuses() {
    assertThat(EmailAddress.isValid("a@" + "b".repeat(63) + ".com")).isTrue();
    assertThat(EmailAddress.isValid("a@" + "b".repeat(64) + ".com")).isFalse();
  }

  @Test
  void equals_whenSameNormalisedAddress_isEqual() {
    assertThat(EmailAddress.parse("Ada@EXAMPLE.com"))
        .isEqualTo(EmailAddress.parse(" Ada@example.com"))
        .hasSameHashCodeAs(EmailAddress.parse("Ada@example.com"))
        .isNotEqualTo(EmailAddress.parse("ada@example.com"));
  }

  @Test
  void toString_whenLogged_saysRedactedAndDoesNotRevealTheAddress() {
    assertThat(EmailAddress.parse("ada@example.com").toString()).contains("redacted")
        .doesNotContain("ada", "example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<ada@example.com>", ">ada@example.com"})
  void parse_whenAngleBracketFirst_refusesWithTheSameHint(String raw) {
    assertThatThrownBy(() -> EmailAddress.parse(raw))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("without a name or angle brackets");
  }

  @Test
  void parse_whenUnicodeDomainGrowsPast254AsPunycode_refusesAsTooLong() {
    // given an address under the limit as typed, whose domain is longer once encoded for DNS
    String label = "\u00fc" + "a".repeat(40);
    String domain = String.join(".", label, label, label, label) + ".com";
    String address = "a".repeat(64) + "@" + domain;
    String ascii = java.net.IDN.toASCII(domain);
    assertThat(address.length()).isLessThanOrEqualTo(254);
    assertThat(64 + 1 + ascii.length()).isGreaterThan(254);
    assertThat(ascii.length()).isLessThanOrEqualTo(254);

    // then it is refused, as the stored (normalised) address would be over the limit
    assertThatThrownBy(() -> EmailAddress.parse(address))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at most 254");
  }

  /** A valid domain of exactly {@code length} characters, in labels of at most 63. */
  private static String domainOfLength(int length) {
    StringBuilder domain = new StringBuilder();
    while (length - domain.length() > 63 + 4) {
      domain.append("d".repeat(62)).append('.');
    }
    domain.append("e".repeat(length - domain.length() - 4)).append(".com");
    return domain.toString();
  }
}

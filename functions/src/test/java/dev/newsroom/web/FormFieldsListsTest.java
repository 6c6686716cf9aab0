package dev.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fields a handler names as lists: repeated in a form, an array of strings in JSON. */
class FormFieldsListsTest {

  private static final Set<String> ALLOWED = Set.of("email");
  private static final Set<String> LISTS = Set.of("tags");

  @Test
  void read_whenFormRepeatsAListField_keepsEveryValueInOrder() {
    FormFields fields = read("application/x-www-form-urlencoded",
        "tags=science&email=a%40example.org&tags=climate&tags=");

    assertThat(fields.list("tags")).containsExactly("science", "climate", "");
    assertThat(fields.get("email")).isEqualTo("a@example.org");
  }

  @Test
  void read_whenJsonArrayOrSingleString_readsTheList() {
    assertThat(read("application/json", "{\"tags\":[\"science\",\"climate\"]}").list("tags"))
        .containsExactly("science", "climate");
    assertThat(read("application/json", "{\"tags\":\"science\"}").list("tags"))
        .containsExactly("science");
    assertThat(read("application/json", "{\"tags\":[]}").lists()).containsKey("tags");
    assertThat(read("application/json", "{\"email\":\"a\"}").list("tags")).isEmpty();
  }

  @Test
  void read_whenAListHoldsNonStrings_orAPlainFieldIsAnArray_refuses() {
    for (String body : new String[] {"{\"tags\":[1]}", "{\"tags\":[[\"a\"]]}",
        "{\"tags\":[null]}", "{\"tags\":{\"a\":\"b\"}}", "{\"email\":[\"a\"]}"}) {
      assertThatThrownBy(() -> read("application/json", body)).as(body)
          .isInstanceOfSatisfying(ApiException.class,
              e -> assertThat(e.code()).isEqualTo("invalid_type"));
    }
  }

  @Test
  void read_listsAreUnmodifiable() {
    FormFields fields = read("application/json", "{\"tags\":[\"a\"]}");

    assertThatThrownBy(() -> fields.list("tags").add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static FormFields read(String type, String body) {
    return FormFields.read(new HttpRequest(ApiEvents.request("POST", "/api/x")
        .header("content-type", type).body(body).build()), ALLOWED, LISTS);
  }
}

package dev.newsroom.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

  private static final String FILE_KEY = "nrk.AAAAAAAAAAAAAAAA.file";
  private static final String ENV_KEY = "nrk.BBBBBBBBBBBBBBBB.env";
  private static final String FLAG_KEY = "nrk.CCCCCCCCCCCCCCCC.flag";

  @TempDir
  Path home;

  private Path config(String text, String mode) throws IOException {
    Path file = home.resolve(".config/newsroom/config");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  private Settings resolve(Map<String, String> env, String url, String key) {
    return new SettingsResolver(env, home).resolve(url, key, null);
  }

  @Test
  void resolve_whenEachPlaceGivesValues_takesFlagThenEnvironmentThenFileForEachOne()
      throws IOException {
    config("url=https://file.example.org\nkey=" + FILE_KEY + "\n", "rw-------");
    Map<String, String> env = new HashMap<>();

    assertThat(resolve(env, null, null)).extracting(Settings::url, Settings::key)
        .containsExactly("https://file.example.org", FILE_KEY);

    env.put("NEWSROOM_KEY", ENV_KEY);
    assertThat(resolve(env, null, null)).extracting(Settings::url, Settings::key)
        .containsExactly("https://file.example.org", ENV_KEY);

    env.put("NEWSROOM_URL", "https://env.example.org");
    assertThat(resolve(env, "https://flag.example.org", FLAG_KEY))
        .extracting(Settings::url, Settings::key)
        .containsExactly("https://flag.example.org", FLAG_KEY);
    assertThat(resolve(env, null, null)).extracting(Settings::url, Settings::key)
        .containsExactly("https://env.example.org", ENV_KEY);
  }

  @Test
  void resolve_whenTheConfigFileIsReadableByOthers_refusesItWithTheFix() throws IOException {
    Path file = config("url=https://file.example.org\nkey=" + FILE_KEY + "\n", "rw-r--r--");

    assertThatThrownBy(() -> resolve(Map.of(), null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + " holds an editor key but others may access it (mode rw-r--r--);"
            + " run: chmod 600 " + file)
        .hasMessageNotContaining(FILE_KEY);
  }

  @Test
  void resolve_whenTheGroupMayReadOrWrite_refusesToo() throws IOException {
    config("key=" + FILE_KEY + "\n", "rw-rw----");

    assertThatThrownBy(() -> resolve(Map.of(), "https://a.example.org", null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("chmod 600");
  }

  @Test
  void resolve_whenTheFileIsOwnerOnly_readsIt() throws IOException {
    config("key=" + FILE_KEY + "\n", "r--------");

    assertThat(resolve(Map.of(), "https://a.example.org", null).key()).isEqualTo(FILE_KEY);
  }

  @Test
  void resolve_whenNothingGivesTheUrlOrKey_saysWhereToPutThem() {
    assertThatThrownBy(() -> resolve(Map.of(), null, FLAG_KEY))
        .isInstanceOf(ConfigException.class).hasMessageContaining("--url, set NEWSROOM_URL");
    assertThatThrownBy(() -> resolve(Map.of(), "https://a.example.org", null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("set NEWSROOM_KEY");
  }

  @Test
  void resolve_whenTheUrlIsPlainHttpToAnotherHost_refusesToSendTheKey() {
    assertThatThrownBy(() -> resolve(Map.of(), "http://news.example.org", FLAG_KEY))
        .isInstanceOf(ConfigException.class).hasMessageContaining("plain http");
    assertThat(resolve(Map.of(), "http://127.0.0.1:8787", FLAG_KEY).url())
        .isEqualTo("http://127.0.0.1:8787");
    assertThatThrownBy(() -> resolve(Map.of(), "ftp://news.example.org", FLAG_KEY))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void configFile_whenNamedByFlagEnvironmentOrXdg_isFoundInThatOrder() {
    SettingsResolver byXdg = new SettingsResolver(Map.of("XDG_CONFIG_HOME", "/xdg"), home);
    SettingsResolver byEnv = new SettingsResolver(
        Map.of("XDG_CONFIG_HOME", "/xdg", "NEWSROOM_CONFIG", "/etc/nr"), home);

    assertThat(new SettingsResolver(Map.of(), home).configFile(null))
        .isEqualTo(home.resolve(".config/newsroom/config"));
    assertThat(byXdg.configFile(null)).isEqualTo(Path.of("/xdg/newsroom/config"));
    assertThat(byEnv.configFile(null)).isEqualTo(Path.of("/etc/nr"));
    assertThat(byEnv.configFile(Path.of("/flag"))).isEqualTo(Path.of("/flag"));
  }

  @Test
  void toString_whenPrinted_hidesTheKey() {
    Settings settings = resolve(Map.of(), "https://a.example.org", FLAG_KEY);

    assertThat(settings.toString()).doesNotContain(FLAG_KEY).contains("(hidden)");
    assertThat(settings.stateFile()).isEqualTo(home.resolve(".config/newsroom/push-state.json"));
  }
}

package dev.newsroom.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

  @Test
  void functions_whenAVariableIsResolvedFromASecretAtDeploy_leaveItOutLocally(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, """
        Parameters:
          SiteName: { Type: String, Default: Newsroom }
        Resources:
          SendFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: dev.example.SendHandler::handleRequest
              Environment:
                Variables:
                  ORIGIN_VERIFY_SECRET: !Sub "{{resolve:secretsmanager:${Secret}:SecretString}}"
                  SITE_NAME: !Ref SiteName
                  TABLE: !Ref Table
        """);

    SamTemplate.Function function = SamTemplate.read(file).functions().get(0);

    assertThat(function.environment()).doesNotContainKey("ORIGIN_VERIFY_SECRET")
        .containsEntry("SITE_NAME", "Newsroom").containsEntry("TABLE", "Table");
  }
}

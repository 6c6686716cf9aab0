package dev.newsroom.infra.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.infra.local.LocalCloud;
import dev.newsroom.infra.tools.PinnedTool;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** openapi.yaml is a valid OpenAPI 3.1 document (structure, references, schema dialect). */
class OpenApiDocumentIT {

  @Test
  void openApiYaml_isValidOpenApi31() throws Exception {
    PinnedTool.Result result = PinnedTool.run(LocalCloud.root(), Map.of(), Duration.ofMinutes(2),
        "openapi-spec-validator", "openapi.yaml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("openapi.yaml: OK");
  }
}

package dev.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.infra.Templates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stack output that sets SiteUrl after the first deploy is a command that can be run as it
 * is: it keeps every other parameter (a parameter it forgot would fall back to its default).
 */
class SiteUrlNextStepTest {

  @Test
  void siteUrlNextStep_setsSiteUrlToTheDistributionAndKeepsEveryOtherParameter() {
    JsonNode value = Templates.template().at("/Outputs/SiteUrlNextStep/Value");
    String command = value.path(2).asText();
    List<String> parameters = new ArrayList<>();
    Templates.template().path("Parameters").fieldNames().forEachRemaining(parameters::add);

    assertThat(value.path(0).asText()).isEqualTo("HasSiteUrl");
    assertThat(command).startsWith("aws cloudformation update-stack --stack-name ${AWS::StackName}"
        + " --use-previous-template --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND ")
        .contains(" ParameterKey=SiteUrl,ParameterValue=https://${SiteDistribution.DomainName}");
    parameters.stream().filter(name -> !name.equals("SiteUrl")).forEach(name ->
        assertThat(command).as("keeps %s", name)
            .contains(" ParameterKey=" + name + ",UsePreviousValue=true"));
  }
}

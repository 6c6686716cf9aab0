package dev.newsroom.infra.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.infra.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The scheduling functions hold the DynamoDB actions their code paths call, and no others: no
 * SAM policy template (a CRUD policy grants Scan, BatchWrite, DeleteItem and more on the whole
 * table), one statement per table listing its actions. The paths, traced in the code:
 * <ul>
 *   <li>schedule and unschedule: {@code ArticleRepository.find} (GetItem), then {@code save} of a
 *       draft or scheduled article: one transaction with a Put of the article (an unpublished
 *       article has no tag entries) and the job's Put or Delete;</li>
 *   <li>the sweep: the due jobs' Query and Delete; {@code PublishScheduledArticle}: GetItem, and a
 *       transaction that puts the article and its tag entries and deletes its job;
 *       {@code CampaignService.startScheduled} and {@code startForPublishedArticle}: the campaign's
 *       GetItem, its creation (a transaction of Puts), its state and the digest marker by
 *       conditional UpdateItem, the article's GetItem, and the expansion job sent to SQS.</li>
 * </ul>
 */
class SchedulingPoliciesTemplateTest {

  @Test
  void scheduleArticleFunction_whenPoliciesRead_thenOnlyItsCalls() {
    assertThat(dynamoDbGrants("ScheduleArticleFunction")).isEqualTo(Map.of(
        "ArticlesTable", Set.of("GetItem", "PutItem"),
        "ScheduledJobsTable", Set.of("PutItem", "DeleteItem"),
        "EditorKeysTable", Set.of("DynamoDBReadPolicy")));
  }

  @Test
  void unscheduleArticleFunction_whenPoliciesRead_thenOnlyItsCalls() {
    assertThat(dynamoDbGrants("UnscheduleArticleFunction")).isEqualTo(Map.of(
        "ArticlesTable", Set.of("GetItem", "PutItem"),
        "ScheduledJobsTable", Set.of("DeleteItem"),
        "EditorKeysTable", Set.of("DynamoDBReadPolicy")));
  }

  @Test
  void sweepDueJobsFunction_whenPoliciesRead_thenOnlyItsCalls() {
    assertThat(dynamoDbGrants("SweepDueJobsFunction")).isEqualTo(Map.of(
        "ArticlesTable", Set.of("GetItem", "PutItem"),
        "ScheduledJobsTable", Set.of("Query", "DeleteItem"),
        "CampaignsTable", Set.of("GetItem", "PutItem", "UpdateItem")));
  }

  /**
   * Table to what the function may do to it: the {@code dynamodb:} actions of its statements,
   * and the name of any SAM policy template that names the table.
   */
  private static Map<String, Set<String>> dynamoDbGrants(String function) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (JsonNode policy : Templates.template()
        .at("/Resources/" + function + "/Properties/Policies")) {
      policy.fields().forEachRemaining(entry -> {
        if (entry.getKey().equals("Statement")) {
          for (JsonNode statement : entry.getValue()) {
            String table = statement.path("Resource").asText().replace(".Arn", "");
            List<String> actions = new ArrayList<>();
            JsonNode action = statement.path("Action");
            if (action.isArray()) {
              action.forEach(a -> actions.add(a.asText()));
            } else {
              actions.add(action.asText());
            }
            for (String name : actions) {
              if (name.startsWith("dynamodb:")) {
                grants.computeIfAbsent(table, t -> new TreeSet<>())
                    .add(name.substring("dynamodb:".length()));
              }
            }
          }
        } else if (entry.getKey().startsWith("DynamoDB")) {
          grants.computeIfAbsent(entry.getValue().path("TableName").asText(),
              t -> new TreeSet<>()).add(entry.getKey());
        }
      });
    }
    return grants;
  }
}

package dev.newsroom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class DynamoDbTransactionsTest {

  @Test
  void conditionFailed_whenOneItemsConditionFailed_isTrue() {
    TransactionCanceledException e = cancelled("None", "ConditionalCheckFailed");

    assertThat(DynamoDbTransactions.conditionFailed(e)).isTrue();
    assertThat(DynamoDbTransactions.conflicted(e)).isFalse();
  }

  @Test
  void conditionFailed_whenConflictOrThrottling_isFalse() {
    TransactionCanceledException e = cancelled("TransactionConflict", "ThrottlingError");

    assertThat(DynamoDbTransactions.conditionFailed(e)).isFalse();
    assertThat(DynamoDbTransactions.conflicted(e)).isTrue();
  }

  @Test
  void conditionFailed_whenIndexGiven_looksAtThatItemOnly() {
    TransactionCanceledException e = cancelled("None", "ConditionalCheckFailed");

    assertThat(DynamoDbTransactions.conditionFailed(e, 0)).isFalse();
    assertThat(DynamoDbTransactions.conditionFailed(e, 1)).isTrue();
    assertThat(DynamoDbTransactions.conditionFailed(e, 2)).isFalse();
  }

  @Test
  void conditionFailed_whenNoReasons_isFalse() {
    TransactionCanceledException e = TransactionCanceledException.builder().build();

    assertThat(DynamoDbTransactions.conditionFailed(e)).isFalse();
    assertThat(DynamoDbTransactions.conditionFailed(e, 0)).isFalse();
  }

  private static TransactionCanceledException cancelled(String... codes) {
    return TransactionCanceledException.builder().cancellationReasons(
        Arrays.stream(codes).map(code -> CancellationReason.builder().code(code).build())
            .toList()).build();
  }
}

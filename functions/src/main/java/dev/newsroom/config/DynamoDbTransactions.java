package dev.newsroom.config;

import dev.newsroom.shared.UnavailableException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Reading why DynamoDB cancelled a TransactWriteItems. A cancelled transaction wrote nothing; its
 * {@link TransactionCanceledException#cancellationReasons()} hold one reason per item, in request
 * order, whose code tells a failed condition (someone else's write got there first: an answer,
 * not an outage) from a conflict with another transaction or throttling (worth retrying).
 */
public final class DynamoDbTransactions {

  static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
  static final String TRANSACTION_CONFLICT = "TransactionConflict";

  private DynamoDbTransactions() {}

  /**
   * Writes {@code items} as one transaction.
   *
   * @return true when written, false when an item's condition failed (nothing was written)
   * @throws UnavailableException when cancelled for any other reason, or the SDK's failure
   *     translated by {@link AwsErrors#translate}
   */
  public static boolean transactWriteItems(DynamoDbClient dynamoDb, List<TransactWriteItem> items) {
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(items));
      return true;
    } catch (TransactionCanceledException e) {
      if (conditionFailed(e)) {
        return false;
      }
      // Transaction conflicts and throttling: nothing was written, the client may retry.
      throw new UnavailableException("The data store is busy.", e);
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }

  /** Whether any item's condition failed. */
  public static boolean conditionFailed(TransactionCanceledException e) {
    return anyReason(e, CONDITIONAL_CHECK_FAILED);
  }

  /** Whether the condition of the item at {@code index} (in request order) failed. */
  public static boolean conditionFailed(TransactionCanceledException e, int index) {
    List<CancellationReason> reasons = e.cancellationReasons();
    return index < reasons.size() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(index).code());
  }

  /** Whether another transaction on the same items was in progress. */
  public static boolean conflicted(TransactionCanceledException e) {
    return anyReason(e, TRANSACTION_CONFLICT);
  }

  private static boolean anyReason(TransactionCanceledException e, String code) {
    return e.cancellationReasons().stream().anyMatch(reason -> code.equals(reason.code()));
  }
}

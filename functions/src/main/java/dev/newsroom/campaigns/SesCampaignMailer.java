package dev.newsroom.campaigns;

import dev.newsroom.mail.EmailMessage;
import dev.newsroom.mail.RawEmail;
import dev.newsroom.shared.Hashing;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Campaign emails through SES v2, one call per email and no retry by the SDK (the client is built
 * with one attempt): a retry after an unanswered call could mail a reader twice, so the caller
 * decides. The message tags {@code campaign} and {@code recipient} come back on bounce and
 * complaint events through the configuration set.
 */
public final class SesCampaignMailer implements CampaignMailer {

  private final SesV2Client ses;
  private final String from;
  private final String configurationSet;

  /** @param ses a client that makes one attempt per call */
  public SesCampaignMailer(SesV2Client ses, String from, String configurationSet) {
    this.ses = ses;
    this.from = from;
    this.configurationSet = configurationSet;
  }

  @Override
  public Result send(EmailMessage message, String campaignId, String subscriberId) {
    byte[] mime;
    try {
      mime = RawEmail.render(from, message, ZonedDateTime.now(ZoneOffset.UTC),
          "=_newsroom_" + Hashing.randomToken(18));
    } catch (IllegalArgumentException e) {
      return new Result(Outcome.REJECTED, "unencodable");
    }
    try {
      ses.sendEmail(r -> r.fromEmailAddress(from)
          .destination(d -> d.toAddresses(message.to()))
          .configurationSetName(configurationSet)
          .emailTags(MessageTag.builder().name("campaign").value(campaignId).build(),
              MessageTag.builder().name("recipient").value(subscriberId).build())
          .content(c -> c.raw(raw -> raw.data(SdkBytes.fromByteArray(mime)))));
      return Result.SENT;
    } catch (SendingPausedException | AccountSuspendedException
        | MailFromDomainNotVerifiedException e) {
      return new Result(Outcome.BLOCKED, code(e));
    } catch (SesV2Exception e) {
      if (e.isThrottlingException() || e.statusCode() == 429
          || "Throttling".equals(code(e)) || "TooManyRequestsException".equals(code(e))
          || "LimitExceededException".equals(code(e))) {
        return new Result(Outcome.THROTTLED, code(e));
      }
      if (e.statusCode() >= 500) {
        return new Result(Outcome.TRY_LATER, code(e));
      }
      return new Result(Outcome.REJECTED, code(e));
    } catch (SdkClientException e) {
      return neverReached(e) ? new Result(Outcome.TRY_LATER, "unreachable")
          : new Result(Outcome.UNKNOWN, "no-answer");
    } catch (SdkException e) {
      return new Result(Outcome.UNKNOWN, "no-answer");
    }
  }

  /** A connection never made cannot have delivered anything; a timeout after sending might. */
  private static boolean neverReached(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return true;
      }
      if (t instanceof IOException) {
        return false;
      }
    }
    return false;
  }

  private static String code(SesV2Exception e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "rejected"
        : e.awsErrorDetails().errorCode();
  }
}

package dev.newsroom.mail;

import dev.newsroom.config.AwsErrors;
import dev.newsroom.shared.Hashing;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Sends through SES v2 with the configured sender and configuration set, as a raw MIME message
 * rendered by {@link RawEmail}: what the reader receives is exactly what we wrote and tested.
 */
public final class SesMailer implements Mailer {

  private final SesV2Client ses;
  private final String from;
  private final String configurationSet;

  /**
   * @param configurationSet the SES configuration set (bounce/complaint events), or null
   */
  public SesMailer(SesV2Client ses, String from, String configurationSet) {
    this.ses = ses;
    this.from = from;
    this.configurationSet = configurationSet;
  }

  @Override
  public void send(EmailMessage message) {
    byte[] mime;
    try {
      mime = RawEmail.render(from, message, ZonedDateTime.now(ZoneOffset.UTC),
          "=_newsroom_" + Hashing.randomToken(18));
    } catch (IllegalArgumentException e) {
      throw new MailRejectedException("unencodable", e);
    }
    SendEmailRequest request = SendEmailRequest.builder()
        .fromEmailAddress(from)
        .destination(d -> d.toAddresses(message.to()))
        .configurationSetName(configurationSet)
        .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(mime))))
        .build();
    try {
      ses.sendEmail(request);
    } catch (SesV2Exception e) {
      if (AwsErrors.isRetryable(e)) {
        throw AwsErrors.translate(e);
      }
      throw new MailRejectedException(e.awsErrorDetails() == null ? "rejected"
          : e.awsErrorDetails().errorCode(), e);
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      throw AwsErrors.translate(e);
    }
  }
}

package dev.newsroom.mail;

import dev.newsroom.config.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** Sends through SES v2 with the configured sender and configuration set. */
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
    List<MessageHeader> headers = new ArrayList<>();
    message.headers().forEach((name, value) ->
        headers.add(MessageHeader.builder().name(name).value(value).build()));
    SendEmailRequest request = SendEmailRequest.builder()
        .fromEmailAddress(from)
        .destination(d -> d.toAddresses(message.to()))
        .replyToAddresses(message.replyTo() == null ? List.of() : List.of(message.replyTo()))
        .configurationSetName(configurationSet)
        .content(c -> c.simple(m -> m
            .subject(s -> s.data(message.subject()).charset("UTF-8"))
            .body(b -> b.text(t -> t.data(message.text()).charset("UTF-8"))
                .html(h -> h.data(message.html()).charset("UTF-8")))
            .headers(headers)))
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

package dev.newsroom.campaigns;

import dev.newsroom.config.AwsErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The account's MaxSendRate from SES v2 GetAccount. */
public final class SesAccountSendQuota implements SendQuota {

  private final SesV2Client ses;

  public SesAccountSendQuota(SesV2Client ses) {
    this.ses = ses;
  }

  @Override
  public double maxSendRate() {
    try {
      return ses.getAccount(r -> {}).sendQuota().maxSendRate();
    } catch (SdkException e) {
      throw AwsErrors.translate(e);
    }
  }
}

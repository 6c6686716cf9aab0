# Which deployment package each function in template.yaml ships: package.<FunctionLogicalId> :=
# <name>, where <name>.pro beside this file keeps its handler and functions/pom.xml builds
# target/packages/<name>.jar. Read by functions/Makefile (sam build) and by the package tests,
# which fail when a function is missing here or its package lacks its handler.

# HTTP API (DynamoDB)
package.GetArticleFunction := api
package.ListArticlesFunction := api
package.PutArticleFunction := api
package.UnpublishArticleFunction := api
package.DeleteArticleFunction := api
package.ListEditorArticlesFunction := api
package.SendContactMessageFunction := api
package.ListContactMessagesFunction := api
package.GetContactMessageFunction := api
package.MarkContactMessageHandledFunction := api

# Newsletter (DynamoDB, Secrets Manager, Mustache)
package.SubscribeFunction := subscriptions
package.ConfirmSubscriptionFunction := subscriptions
package.RequestSubscriberDataFunction := subscriptions
package.ExportSubscriberDataFunction := subscriptions
package.EraseSubscriberDataFunction := subscriptions
package.PreferencesFunction := subscriptions

# Mail delivery: outbox sender, SES feedback (DynamoDB, SES v2)
package.MailSenderFunction := mail
package.MailFeedbackFunction := mail

# Static site (DynamoDB, S3, Mustache)
package.SitePublisherFunction := site
package.SiteRebuildFunction := site

# Images (issue 14): upload requests and status (DynamoDB, S3 presigner); processing on arrival
# (DynamoDB, S3, ImageIO and TwelveMonkeys), kept apart so that no API package carries a decoder.
package.RequestImageUploadFunction := imageuploads
package.GetImageFunction := imageuploads
package.ProcessImageFunction := images

# Scheduling (issue 13): the article routes and the minute sweep (DynamoDB only)
package.ScheduleArticleFunction := api
package.UnscheduleArticleFunction := api

# Campaigns (issue 11; DynamoDB, SES v2, SQS, Secrets Manager, jsoup). The publish route and the
# sweep are here because they may start a campaign.
package.PublishArticleFunction := campaigns
package.SweepDueJobsFunction := campaigns
package.CreateCampaignFunction := campaigns
package.GetCampaignFunction := campaigns
package.PreviewCampaignFunction := campaigns
package.TestSendCampaignFunction := campaigns
package.StartCampaignFunction := campaigns
package.PauseCampaignFunction := campaigns
package.ResumeCampaignFunction := campaigns
package.CancelCampaignFunction := campaigns
package.ListCampaignRecipientsFunction := campaigns
package.CampaignJobsFunction := campaigns
package.CampaignSenderFunction := campaigns
package.CampaignFeedbackFunction := campaigns
# Its handler is the campaigns feature's (it counts an unsubscribe on the campaign whose link it is).
package.UnsubscribeFunction := campaigns

# Which deployment package each function in template.yaml ships: package.<FunctionLogicalId> :=
# <name>, where <name>.pro beside this file keeps its handler and functions/pom.xml builds
# target/packages/<name>.jar. Read by functions/Makefile (sam build) and by the package tests,
# which fail when a function is missing here or its package lacks its handler.

# HTTP API (DynamoDB)
package.GetArticleFunction := api
package.ListArticlesFunction := api
package.PutArticleFunction := api
package.PublishArticleFunction := api
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
package.UnsubscribeFunction := subscriptions
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

package org.casebridge.notification;

import ca.uhn.fhir.broker.api.IChannelNamer;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.data.IResourceModifiedDao;
import ca.uhn.fhir.jpa.dao.tx.HapiTransactionService;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.partition.IRequestPartitionHelperSvc;
import ca.uhn.fhir.jpa.subscription.channel.impl.LinkedBlockingChannelFactory;
import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.resthook.SubscriptionDeliveringRestHookListener;
import ca.uhn.fhir.jpa.subscription.match.matcher.matching.IResourceModifiedConsumer;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicConfig;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicRegistry;
import javax.sql.DataSource;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Scope;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * HAPI's subscription module for R4 Subscriptions, with criteria or on a SubscriptionTopic (R4
 * backport shape), delivered by REST hook and, when an SMTP server is configured, by e-mail; wired
 * as the reference JPA starter wires it. Every replica loads the active Subscriptions from the
 * database at start-up and every minute, and each change is matched on the replica whose scheduled
 * submission takes it from {@code HFJ_RESOURCE_MODIFIED}; from then until its subscriber has it,
 * each notification is a row of {@link PendingDeliveries}.
 */
@Configuration
@Profile("!baseline")
@Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class, SubscriptionTopicConfig.class})
class NotificationConfig {

	@Bean
	SubscriptionSettings subscriptionSettings(NotificationProperties properties, SubscriptionEmailSender emailSender) {
		SubscriptionSettings settings = new SubscriptionSettings();
		settings.addSupportedSubscriptionType(SubscriptionChannelType.RESTHOOK);
		if (emailSender.configured()) {
			settings.addSupportedSubscriptionType(SubscriptionChannelType.EMAIL);
		}
		settings.setSubscriptionIntervalInMs(properties.submissionInterval().toMillis());
		return settings;
	}

	/** HAPI's channels, matching on the thread and in the transaction that takes a change. */
	@Bean
	@Primary
	LinkedBlockingChannelFactory synchronousMatchingChannelFactory(IChannelNamer channelNamer, RetryPolicyProvider retries,
			FhirContext fhirContext, ObjectProvider<WatchedResourceTypes> watchedTypes) {
		return new SynchronousMatchingChannelFactory(channelNamer, retries, fhirContext, watchedTypes);
	}

	@Bean
	WatchedResourceTypes watchedResourceTypes(SubscriptionRegistry subscriptions, SubscriptionTopicRegistry topics) {
		return new WatchedResourceTypes(subscriptions, topics);
	}

	/** HAPI's interceptor that queues committed changes for matching, without their body. */
	@Bean
	@Primary
	ChangesQueuedWithoutTheirBody changesQueuedWithoutTheirBody(FhirContext fhirContext, IRequestPartitionHelperSvc partitions) {
		return new ChangesQueuedWithoutTheirBody(fhirContext, partitions);
	}

	/** HAPI's store of changes waiting for matching, but for deletes' changes, matched at once. */
	@Bean
	@Primary
	DeletesMatchedInTheirTransaction deletesMatchedInTheirTransaction(FhirContext fhirContext, IResourceModifiedDao changes,
			DaoRegistry daos, HapiTransactionService transactions, ObjectProvider<IResourceModifiedConsumer> matching) {
		return new DeletesMatchedInTheirTransaction(fhirContext, changes, daos, transactions, matching);
	}

	@Bean
	PendingDeliveries pendingDeliveries(DataSource dataSource) {
		return new PendingDeliveries(dataSource);
	}

	/** HAPI's REST-hook delivery listener, one per Subscription, in place of HAPI's own. */
	@Bean
	@Primary
	@Scope("prototype")
	SubscriptionDeliveringRestHookListener restHookDeliveryListener() {
		return new RestHookDeliveryListener();
	}

	/** E-mail notifications, delivered when Spring Boot's mail sender is configured. */
	@Bean
	SubscriptionEmailSender emailSender(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
		return new SubscriptionEmailSender(mailSender, properties.emailFrom());
	}
}

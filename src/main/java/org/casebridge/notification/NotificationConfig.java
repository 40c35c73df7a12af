package org.casebridge.notification;

import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.resthook.SubscriptionDeliveringRestHookListener;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicConfig;
import ca.uhn.fhir.subscription.api.IResourceModifiedMessagePersistenceSvc;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
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
 * submission takes it from {@code HFJ_RESOURCE_MODIFIED}.
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

	/** HAPI's store of changes waiting for matching, holding back retries until they are due. */
	@Bean
	@Primary
	IResourceModifiedMessagePersistenceSvc dueChangesStore(
			@Qualifier("subscriptionMessagePersistence") IResourceModifiedMessagePersistenceSvc hapi) {
		return new DueChangesStore(hapi);
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

package org.casebridge.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscription notification settings ({@code casebridge.notification.*}).
 *
 * @param submissionInterval how often each replica hands committed changes (and deliveries due
 *     for another attempt) from the database to matching; a notification waits up to this long
 * @param firstRetryAfter the wait after a subscriber's first failed delivery; each further failure
 *     doubles it
 * @param maxRetryInterval the longest wait between two attempts
 * @param giveUpAfter how long after its first failure a notification is dropped
 * @param deliveryLease how long a delivery under way may take before the notification is due
 *     again: after a crash, how long until another attempt; longer than a subscriber's slowest
 *     answer, or that subscriber may get a notification twice
 * @param emailFrom the sender address of e-mail notifications (sent when {@code spring.mail.host}
 *     names an SMTP server)
 */
@ConfigurationProperties("casebridge.notification")
public record NotificationProperties(
		@DefaultValue("500ms") Duration submissionInterval,
		@DefaultValue("2s") Duration firstRetryAfter,
		@DefaultValue("5m") Duration maxRetryInterval,
		@DefaultValue("3d") Duration giveUpAfter,
		@DefaultValue("60s") Duration deliveryLease,
		@DefaultValue("casebridge@localhost") String emailFrom) {}

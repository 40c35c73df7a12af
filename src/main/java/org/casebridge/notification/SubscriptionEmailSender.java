package org.casebridge.notification;

import ca.uhn.fhir.jpa.subscription.match.deliver.email.EmailDetails;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends the notification of an e-mail Subscription (R4 subscription.html §2.46.7.3 "email") by
 * SMTP through Spring Boot's mail sender ({@code spring.mail.*}).
 *
 * <p>The message names the Subscription and nothing of the change: an e-mail leaves the server's
 * control, so it carries no client data, and the recipient reads the change from the server with
 * its own credentials ({@link SubscriptionChannelInterceptor} refuses an e-mail Subscription that
 * asks for a payload). HAPI's own sender would render the subject and body as Thymeleaf templates
 * with Spring expressions written by whoever wrote the Subscription; this one renders nothing.
 *
 * <p>A failed send throws, so the delivery is retried like a REST hook's
 * ({@link DurableDeliveryInterceptor}).
 */
class SubscriptionEmailSender implements IEmailSender {

	private final ObjectProvider<JavaMailSender> mailSender;
	private final String from;

	SubscriptionEmailSender(ObjectProvider<JavaMailSender> mailSender, String from) {
		this.mailSender = mailSender;
		this.from = from;
	}

	/** Whether an SMTP server is configured, and so e-mail a channel this server delivers. */
	boolean configured() {
		return mailSender.getIfAvailable() != null;
	}

	@Override
	public void send(EmailDetails details) {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			// An e-mail Subscription stored while a server was configured, loaded after it was removed.
			throw new IllegalStateException("No SMTP server is configured (spring.mail.host) to notify "
					+ details.getSubscriptionId());
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(details.getTo().split(","));
		message.setSubject("CaseBridge: a change matched " + details.getSubscriptionId());
		message.setText("A resource changed on the CaseBridge server and matched the criteria of "
				+ details.getSubscriptionId() + ".\n\nThis message carries no client data. Search the server with "
				+ "the Subscription's criteria to read the change.\n");
		sender.send(message);
	}
}

package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.casebridge.TestMailServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

/**
 * A community organisation without a FHIR endpoint subscribes by e-mail: it is told that a
 * referral Task changed, with no client data in the message, also when the mail server was down.
 */
class EmailSubscriptionIT extends NotificationTestBase {

	private static final Duration AFTER_OUTAGE = Duration.ofSeconds(60);

	private final String intake = "intake-" + unique + "@harbor-housing.example";

	@Test
	void theSubscriberIsToldOfEachChangeWithoutClientData() throws Exception {
		String subscriptionId = subscribe(emailSubscription());

		String taskId = UUID.randomUUID().toString();
		put("Task", taskId, referral.task(taskId, "requested"));

		MimeMessage message = TestMailServer.awaitMessageTo(intake, PROMPTLY);
		assertThat(message.getFrom()).extracting(Object::toString).containsExactly("casebridge@localhost");
		assertThat(message.getSubject()).isEqualTo("CaseBridge: a change matched Subscription/" + subscriptionId);
		assertThat(message.getContent().toString().strip()).isEqualTo("A resource changed on the CaseBridge server "
				+ "and matched the criteria of Subscription/" + subscriptionId + ".\r\n\r\nThis message carries no client "
				+ "data. Search the server with the Subscription's criteria to read the change.");
	}

	@Test
	void aChangeMadeWhileTheMailServerIsDownIsSentWhenItIsBack() throws Exception {
		subscribe(emailSubscription());
		TestMailServer.stop();
		try {
			String taskId = UUID.randomUUID().toString();
			put("Task", taskId, referral.task(taskId, "requested"));
			// Long enough for the delivery to fail and go back to the database.
			Thread.sleep(3_000);
		} finally {
			TestMailServer.start();
		}
		TestMailServer.awaitMessageTo(intake, AFTER_OUTAGE);
		Thread.sleep(2_000);
		assertThat(TestMailServer.messagesTo(intake)).as("the change once").hasSize(1);
	}

	@Test
	void anEmailSubscriptionAskingForThePayloadIsRefused() throws Exception {
		ObjectNode subscription = (ObjectNode) JSON.readTree(emailSubscription());
		((ObjectNode) subscription.path("channel")).put("payload", "application/fhir+json");

		HttpResponse<String> refused = sendJson("POST", "/fhir/Subscription", subscription.toString());

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isEqualTo(
				"An e-mail notification carries no client data: Subscription.channel.payload must be absent "
						+ "when Subscription.channel.type is 'email'");
		assertThat(client.search().forResource(Subscription.class)
						.where(Subscription.CRITERIA.matchesExactly().value(referral.criteria()))
						.returnBundle(Bundle.class).execute().getEntry()).isEmpty();
	}

	/** An e-mail Subscription to this test's referral Tasks, with no payload. */
	private String emailSubscription() throws Exception {
		ObjectNode subscription = (ObjectNode) JSON.readTree(referral.subscription("mailto:" + intake));
		ObjectNode channel = (ObjectNode) subscription.path("channel");
		channel.put("type", "email");
		channel.remove("payload");
		return subscription.toString();
	}
}

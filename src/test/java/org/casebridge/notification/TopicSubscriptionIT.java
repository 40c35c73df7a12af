package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.casebridge.ServerProcess;
import org.casebridge.conformance.ConformancePackage;
import org.casebridge.notification.Subscriber.Notification;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A performer subscribes to the server's referral topic with a topic-based Subscription in the
 * Subscriptions R5 Backport IG's R4 shape, as the SDOH Clinical Care guide describes, and receives
 * each change of its referral Tasks once, as a notification Bundle.
 */
class TopicSubscriptionIT extends NotificationTestBase {

	private static final String TOPIC_CANONICAL =
			"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/capabilitystatement-subscriptiontopic-canonical";

	@Autowired
	private ConformancePackage conformancePackage;

	@Test
	void theServerNamesAndHoldsTheTopicsOfItsPackage() {
		List<String> packaged = conformancePackage.subscriptionTopics().stream().map(ConformancePackage::topicUrl).toList();
		assertThat(packaged).isNotEmpty();

		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
		assertThat(capabilities.getRestFirstRep().getResource())
				.filteredOn(resource -> resource.getType().equals("Subscription"))
				.singleElement()
				.satisfies(subscription -> assertThat(subscription.getExtensionsByUrl(TOPIC_CANONICAL))
						.extracting(Extension::getValueAsPrimitive)
						.extracting(value -> value.getValueAsString())
						.containsExactlyElementsOf(packaged));
		for (String topic : packaged) {
			Bundle stored = client.search().forResource(Basic.class)
					.where(Basic.IDENTIFIER.exactly().systemAndIdentifier("urn:ietf:rfc:3986", topic))
					.returnBundle(Bundle.class).execute();
			assertThat(stored.getEntry()).as(topic).singleElement()
					.satisfies(entry -> assertThat(ConformancePackage.topicUrl((Basic) entry.getResource())).isEqualTo(topic));
		}
	}

	@Test
	void theSubscriberReceivesEachChangeOfItsReferralsOnceAsANotificationBundle() throws Exception {
		String topic = ConformancePackage.topicUrl(conformancePackage.subscriptionTopics().get(0));
		String subscriptionId = subscribe(referral.topicSubscription(topic, subscriber.endpoint()));

		String taskId = UUID.randomUUID().toString();
		for (String status : List.of("requested", "accepted", "in-progress", "completed")) {
			String version = put("Task", taskId, referral.task(taskId, status));
			Notification notification = subscriber.await(n -> n.versionId().equals(version) && n.id().equals(taskId), PROMPTLY);
			assertThat(notification.method()).isEqualTo("POST");
			assertThat(notification.path()).isEqualTo("/notifications");
			assertThat(notification.resource().path("type").asText()).isEqualTo("history");
			JsonNode subscriptionStatus = notification.resource().path("entry").path(0).path("resource");
			assertThat(parameter(subscriptionStatus, "subscription").path("valueReference").path("reference").asText())
					.isEqualTo("Subscription/" + subscriptionId);
			assertThat(parameter(subscriptionStatus, "topic").path("valueCanonical").asText()).isEqualTo(topic);
			assertThat(parameter(subscriptionStatus, "type").path("valueCode").asText()).isEqualTo("event-notification");
			assertThat(notification.status()).isEqualTo(status);
		}
		// Neither another performer's referral nor this performer's Task that is not a referral.
		Referrals elsewhere = new Referrals();
		put("Organization", elsewhere.organizationId, elsewhere.organization());
		put("Patient", elsewhere.patientId, elsewhere.patient());
		put("ServiceRequest", elsewhere.serviceRequestId, elsewhere.serviceRequest());
		String otherTaskId = UUID.randomUUID().toString();
		put("Task", otherTaskId, elsewhere.task(otherTaskId, "requested"));
		String callBackId = UUID.randomUUID().toString();
		put("Task", callBackId, referral.task(callBackId, "requested").replace("\"fulfill\"", "\"approve\""));

		Thread.sleep(2_000);
		assertThat(subscriber.received()).extracting(n -> n.id() + " v" + n.versionId() + " " + n.status())
				.as("each change of this performer's referral, once")
				.containsExactlyInAnyOrder(taskId + " v1 requested", taskId + " v2 accepted", taskId + " v3 in-progress",
						taskId + " v4 completed");
	}

	@Test
	void aSubscriberThatWasDownGetsTheChangeWhenBackAndTheOtherSubscriberOnTheTopicNotAgain() throws Exception {
		String topic = ConformancePackage.topicUrl(conformancePackage.subscriptionTopics().get(0));
		subscribe(referral.topicSubscription(topic, subscriber.endpoint()));
		try (Subscriber colleague = Subscriber.start(ServerProcess.freePort())) {
			subscribe(referral.topicSubscription(topic, colleague.endpoint()));
			subscriber.down();
			String taskId = UUID.randomUUID().toString();
			put("Task", taskId, referral.task(taskId, "requested"));
			colleague.await(n -> n.id().equals(taskId), PROMPTLY);

			subscriber.up();
			// The first retry comes 2 s after the failure.
			subscriber.await(n -> n.id().equals(taskId), PROMPTLY);
			Thread.sleep(2_000);
			for (Subscriber each : List.of(subscriber, colleague)) {
				assertThat(each.received()).extracting(n -> n.id() + " " + n.status())
						.containsExactly(taskId + " requested");
			}
		}
	}

	private static JsonNode parameter(JsonNode parameters, String name) {
		for (JsonNode parameter : parameters.path("parameter")) {
			if (parameter.path("name").asText().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("No parameter " + name + " in " + parameters);
	}
}

package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventsNotNotifiedTest {

	private final AuditEventsNotNotified interceptor = new AuditEventsNotNotified(FhirContext.forR4Cached());

	@Test
	void anAuditEventIsNotSubmittedToMatchingAndATaskIs() {
		assertThat(interceptor.submitToMatching(change("AuditEvent/1/_history/1"))).isFalse();
		assertThat(interceptor.submitToMatching(change("Task/1/_history/3"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = {"AuditEvent", "AuditEvent?action=R", "[AuditEvent,Patient]"})
	void aSubscriptionNamingAuditEventsIsRefused(String criteria) {
		assertThatThrownBy(() -> AuditEventsNotNotified.refuseAuditEventCriteria(subscription(criteria)))
				.isInstanceOf(UnprocessableEntityException.class).hasMessageContaining(AuditEventsNotNotified.REFUSED);
	}

	@ParameterizedTest
	@ValueSource(strings = {"Task?code=http://hl7.org/fhir/CodeSystem/task-code|fulfill",
			"http://casebridge.org/fhir/SubscriptionTopic/referral-task-changes"})
	void otherSubscriptionsPass(String criteria) {
		assertThatCode(() -> AuditEventsNotNotified.refuseAuditEventCriteria(subscription(criteria))).doesNotThrowAnyException();
	}

	private static ResourceModifiedMessage change(String version) {
		return new ResourceModifiedMessage(new IdType(version), OperationTypeEnum.CREATE, null);
	}

	private static Subscription subscription(String criteria) {
		return new Subscription().setCriteria(criteria);
	}
}

package org.casebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.casebridge.referral.ReferralTaskTransitions.Party;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReferralTaskRulesTest {

	@Test
	void anIllegalTransitionNamesBothStatusesAndTheLegalOnes() {
		assertThat(ReferralTaskRules.violation(Optional.of(task(TaskStatus.REQUESTED)), withOutput(task(TaskStatus.COMPLETED))))
				.contains("A referral Task cannot go from requested to completed; from requested it may go to accepted, "
						+ "rejected, cancelled, entered-in-error");
		assertThat(ReferralTaskRules.violation(Optional.of(task(TaskStatus.ENTEREDINERROR)), task(TaskStatus.REQUESTED)))
				.contains("A referral Task cannot go from entered-in-error to requested; from entered-in-error it cannot change");
	}

	@ParameterizedTest
	@EnumSource(value = TaskStatus.class, names = {"DRAFT", "REQUESTED", "CANCELLED", "ENTEREDINERROR"})
	void theRequesterSetsDraftRequestedCancelledAndEnteredInError(TaskStatus status) {
		assertThat(ReferralTaskRules.partyViolation(Party.REQUESTER, status)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = TaskStatus.class, names = {"ACCEPTED", "REJECTED", "INPROGRESS", "ONHOLD", "FAILED", "COMPLETED", "CANCELLED"})
	void thePerformerSetsAcceptedRejectedInProgressOnHoldFailedCompletedAndCancelled(TaskStatus status) {
		assertThat(ReferralTaskRules.partyViolation(Party.PERFORMER, status)).isEmpty();
	}

	@Test
	void aStatusSetByTheOtherPartyNamesBoth() {
		assertThat(ReferralTaskRules.partyViolation(Party.REQUESTER, TaskStatus.ACCEPTED)).contains("A referral Task's status"
				+ " accepted is set by the performer (the Task's owner), and this request acts for the requester (SDOHCC Task"
				+ " for Referral Management, \"Set By\")");
		assertThat(ReferralTaskRules.partyViolation(Party.PERFORMER, TaskStatus.ENTEREDINERROR)).get().asString()
				.startsWith("A referral Task's status entered-in-error is set by the requester, and this request acts for the"
						+ " performer");
	}

	@ParameterizedTest
	@EnumSource(value = TaskStatus.class, names = {"READY", "RECEIVED"})
	void readyAndReceivedAreNotReferralStatuses(TaskStatus status) {
		assertThat(ReferralTaskRules.violation(Optional.empty(), task(status))).get().asString()
				.startsWith("A referral Task's status is one of draft, requested").endsWith("not " + status.toCode()
						+ " (SDOHCC Referral Task Status)");
	}

	@ParameterizedTest
	@EnumSource(value = TaskStatus.class, names = {"REJECTED", "CANCELLED", "ONHOLD", "FAILED"})
	void stoppingShortNeedsAReason(TaskStatus status) {
		assertThat(ReferralTaskRules.violation(Optional.empty(), task(status)))
				.contains("A referral Task that is " + status.toCode() + " says why in statusReason");
		Task withReason = task(status).setStatusReason(new CodeableConcept().setText("No capacity"));
		assertThat(ReferralTaskRules.violation(Optional.empty(), withReason)).isEmpty();
	}

	@Test
	void completingNeedsWhatWasDone() {
		assertThat(ReferralTaskRules.violation(Optional.of(task(TaskStatus.INPROGRESS)), task(TaskStatus.COMPLETED)))
				.get().asString().startsWith("A completed referral Task says what was done in output");
		assertThat(ReferralTaskRules.violation(Optional.of(task(TaskStatus.INPROGRESS)), withOutput(task(TaskStatus.COMPLETED))))
				.isEmpty();
	}

	@Test
	void aNewTaskMayStartInAnyStatusOfTheValueSet() {
		assertThat(ReferralTaskRules.violation(Optional.empty(), task(TaskStatus.ACCEPTED))).isEmpty();
	}

	private static Task task(TaskStatus status) {
		Task task = new Task().setStatus(status);
		task.getCode().addCoding().setSystem(ReferralTaskRules.TASK_CODES).setCode("fulfill");
		return task;
	}

	private static Task withOutput(Task task) {
		task.addOutput().setType(new CodeableConcept().setText("Resulting activity"))
				.setValue(new org.hl7.fhir.r4.model.StringType("Seen"));
		return task;
	}
}

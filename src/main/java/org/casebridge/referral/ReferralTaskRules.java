package org.casebridge.referral;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebridge.referral.ReferralTaskTransitions.Party;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * What a referral Task (a Task with code {@code fulfill}, SDOHCC Task for Referral Management)
 * must be on every write: a status of the SDOHCC value set, reached by a legal transition from the
 * stored one (see {@link ReferralTaskTransitions}; a new Task may start in any status, as an EHR
 * that sends its history does), a {@code statusReason} when rejected, cancelled, on hold or failed,
 * and an {@code output} (what was done) when completed.
 */
final class ReferralTaskRules {

	static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";
	private static final Set<TaskStatus> NEED_A_REASON =
			EnumSet.of(TaskStatus.REJECTED, TaskStatus.CANCELLED, TaskStatus.ONHOLD, TaskStatus.FAILED);

	private ReferralTaskRules() {}

	static boolean isReferralTask(Task task) {
		return task.getCode().getCoding().stream()
				.anyMatch(coding -> TASK_CODES.equals(coding.getSystem()) && "fulfill".equals(coding.getCode()));
	}

	/** What is wrong with the Task that replaces {@code previous} (empty for a new Task), if anything. */
	static Optional<String> violation(Optional<Task> previous, Task next) {
		TaskStatus status = next.getStatus();
		if (status == null || !ReferralTaskTransitions.STATUSES.contains(status)) {
			return Optional.of("A referral Task's status is one of " + codes(ReferralTaskTransitions.STATUSES) + ", not "
					+ (status == null ? "missing" : status.toCode()) + " (SDOHCC Referral Task Status)");
		}
		if (previous.isPresent() && !ReferralTaskTransitions.isAllowed(previous.get().getStatus(), status)) {
			TaskStatus from = previous.get().getStatus();
			Set<TaskStatus> legal = ReferralTaskTransitions.next(from);
			return Optional.of("A referral Task cannot go from " + from.toCode() + " to " + status.toCode() + "; from "
					+ from.toCode() + (legal.isEmpty() ? " it cannot change" : " it may go to " + codes(legal)));
		}
		if (NEED_A_REASON.contains(status) && !next.hasStatusReason()) {
			return Optional.of("A referral Task that is " + status.toCode() + " says why in statusReason");
		}
		if (status == TaskStatus.COMPLETED && !next.hasOutput()) {
			return Optional.of("A completed referral Task says what was done in output (e.g. a reference to the"
					+ " resulting Encounter or Procedure)");
		}
		return Optional.empty();
	}

	/**
	 * Why {@code caller} may not set {@code status}, if it may not: the requester sets draft,
	 * requested and entered-in-error, the performer accepted, rejected, in-progress, on-hold,
	 * failed and completed, either of them cancelled (SDOHCC "Set By").
	 */
	static Optional<String> partyViolation(Party caller, TaskStatus status) {
		Party setBy = ReferralTaskTransitions.setBy(status);
		if (setBy == null || setBy == Party.EITHER || setBy == caller) {
			return Optional.empty();
		}
		return Optional.of("A referral Task's status " + status.toCode() + " is set by the " + name(setBy)
				+ ", and this request acts for the " + name(caller) + " (SDOHCC Task for Referral Management, \"Set By\")");
	}

	private static String name(Party party) {
		return party == Party.PERFORMER ? "performer (the Task's owner)" : "requester";
	}

	private static String codes(Set<TaskStatus> statuses) {
		return statuses.stream().map(TaskStatus::toCode).collect(Collectors.joining(", "));
	}
}

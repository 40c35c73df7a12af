package org.casebridge.referral;

import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.CANCELLED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.DRAFT;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ENTEREDINERROR;
import static org.hl7.fhir.r4.model.Task.TaskStatus.FAILED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ONHOLD;
import static org.hl7.fhir.r4.model.Task.TaskStatus.REJECTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * The referral Task state machine of the HL7 SDOH Clinical Care guide (SDOHCC Task for Referral
 * Management, "Status Management": the status value set SDOHCC ValueSet Referral Task Status, R4
 * task-status without {@code ready} and {@code received}, and Figure 1, Referral Task State
 * Diagram). Completed, rejected, cancelled and failed are final; entered-in-error may follow any
 * status. Who may set each status is the guide's "Set By" column, for access control to check.
 */
public final class ReferralTaskTransitions {

	/** Who sets a status (SDOHCC "Set By"): the requester, the responder (performer), or either. */
	public enum Party { REQUESTER, PERFORMER, EITHER }

	public static final Set<TaskStatus> STATUSES = EnumSet.of(
			DRAFT, REQUESTED, ACCEPTED, REJECTED, CANCELLED, INPROGRESS, ONHOLD, FAILED, COMPLETED, ENTEREDINERROR);

	private static final Map<TaskStatus, Set<TaskStatus>> NEXT = new EnumMap<>(TaskStatus.class);
	private static final Map<TaskStatus, Party> SET_BY = new EnumMap<>(TaskStatus.class);

	static {
		NEXT.put(DRAFT, EnumSet.of(REQUESTED, CANCELLED, ENTEREDINERROR));
		NEXT.put(REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED, ENTEREDINERROR));
		NEXT.put(ACCEPTED, EnumSet.of(INPROGRESS, CANCELLED, ENTEREDINERROR));
		NEXT.put(INPROGRESS, EnumSet.of(ONHOLD, COMPLETED, FAILED, CANCELLED, ENTEREDINERROR));
		NEXT.put(ONHOLD, EnumSet.of(INPROGRESS, FAILED, CANCELLED, ENTEREDINERROR));
		for (TaskStatus terminal : EnumSet.of(COMPLETED, REJECTED, CANCELLED, FAILED)) {
			NEXT.put(terminal, EnumSet.of(ENTEREDINERROR));
		}
		NEXT.put(ENTEREDINERROR, EnumSet.noneOf(TaskStatus.class));

		SET_BY.put(DRAFT, Party.REQUESTER);
		SET_BY.put(REQUESTED, Party.REQUESTER);
		SET_BY.put(ENTEREDINERROR, Party.REQUESTER);
		SET_BY.put(CANCELLED, Party.EITHER);
		for (TaskStatus performer : EnumSet.of(ACCEPTED, REJECTED, INPROGRESS, ONHOLD, FAILED, COMPLETED)) {
			SET_BY.put(performer, Party.PERFORMER);
		}
	}

	private ReferralTaskTransitions() {}

	/** Whether a Task may go from one status to the other; staying in a status is no transition. */
	public static boolean isAllowed(TaskStatus from, TaskStatus to) {
		return STATUSES.contains(to) && (from == to || next(from).contains(to));
	}

	/** The statuses a Task may go to from this one. */
	public static Set<TaskStatus> next(TaskStatus from) {
		return NEXT.getOrDefault(from, Set.of());
	}

	/** Completed, rejected, cancelled, failed (and entered-in-error): nothing but entered-in-error follows. */
	public static boolean isFinal(TaskStatus status) {
		return next(status).stream().allMatch(ENTEREDINERROR::equals);
	}

	public static Party setBy(TaskStatus status) {
		return SET_BY.get(status);
	}
}

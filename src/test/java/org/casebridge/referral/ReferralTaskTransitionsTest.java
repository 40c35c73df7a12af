package org.casebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casebridge.referral.ReferralTaskTransitions.Party;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every from/to pair of R4 task-status against the SDOHCC referral Task state diagram, as read from the guide. */
class ReferralTaskTransitionsTest {

	/** The diagram's arrows (SDOHCC Task for Referral Management, Figure 1), and entered-in-error from anywhere. */
	private static final Set<String> ARROWS = Set.of(
			"draft>requested", "draft>cancelled",
			"requested>accepted", "requested>rejected", "requested>cancelled",
			"accepted>in-progress", "accepted>cancelled",
			"in-progress>on-hold", "in-progress>completed", "in-progress>failed", "in-progress>cancelled",
			"on-hold>in-progress", "on-hold>failed", "on-hold>cancelled");

	static Stream<Arguments> everyPair() {
		List<TaskStatus> all = Arrays.stream(TaskStatus.values()).filter(status -> status != TaskStatus.NULL).toList();
		return all.stream().flatMap(from -> all.stream().map(to -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void aTransitionIsLegalExactlyWhenTheDiagramHasIt(TaskStatus from, TaskStatus to) {
		boolean inValueSet = ReferralTaskTransitions.STATUSES.contains(from) && ReferralTaskTransitions.STATUSES.contains(to);
		boolean expected = inValueSet && (from == to
				|| ARROWS.contains(from.toCode() + ">" + to.toCode())
				|| (to == TaskStatus.ENTEREDINERROR && from != TaskStatus.ENTEREDINERROR));

		assertThat(ReferralTaskTransitions.isAllowed(from, to)).isEqualTo(expected);
	}

	@Test
	void theValueSetIsR4TaskStatusWithoutReadyAndReceived() {
		assertThat(ReferralTaskTransitions.STATUSES).extracting(TaskStatus::toCode).containsExactlyInAnyOrder(
				"draft", "requested", "accepted", "rejected", "cancelled", "in-progress", "on-hold", "failed", "completed",
				"entered-in-error");
	}

	@Test
	void completedRejectedCancelledAndFailedAreFinal() {
		assertThat(ReferralTaskTransitions.STATUSES.stream().filter(ReferralTaskTransitions::isFinal)
				.map(TaskStatus::toCode).collect(Collectors.toSet()))
				.containsExactlyInAnyOrder("completed", "rejected", "cancelled", "failed", "entered-in-error");
	}

	@Test
	void eachStatusIsSetByThePartyTheGuideNames() {
		assertThat(ReferralTaskTransitions.STATUSES.stream().collect(Collectors.groupingBy(ReferralTaskTransitions::setBy,
				Collectors.mapping(TaskStatus::toCode, Collectors.toSet()))))
				.containsEntry(Party.REQUESTER, Set.of("draft", "requested", "entered-in-error"))
				.containsEntry(Party.PERFORMER, Set.of("accepted", "rejected", "in-progress", "on-hold", "failed", "completed"))
				.containsEntry(Party.EITHER, Set.of("cancelled"));
	}
}

package org.casebridge.caseload;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One client of a caseload as {@code $caseload} shows them: name, program, enrolment, plan and
 * every reason to attend to them, most urgent first.
 */
record ClientAttention(String client, Optional<String> name, Optional<CaseloadFact> episode, Optional<CaseloadFact> plan,
		Optional<String> program, List<Reason> reasons) {

	/** A reason, with the resource that caused it and the date that makes it due. */
	record Reason(AttentionReason code, String resource, String display, LocalDate date, String detail) {}

	static final Comparator<Reason> BY_URGENCY = Comparator.comparing(Reason::code)
			.thenComparing(Reason::date, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Reason::resource);

	/**
	 * Most urgent first: by the most urgent reason, then the number of reasons, then the oldest
	 * reason's date; clients without reasons last; the client id breaks ties, so pages are stable.
	 */
	static final Comparator<ClientAttention> BY_RANK = Comparator
			.comparing((ClientAttention attention) -> attention.reasons().isEmpty())
			.thenComparing(attention -> attention.reasons().isEmpty() ? null : attention.reasons().get(0).code(),
					Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(attention -> -attention.reasons().size())
			.thenComparing(ClientAttention::oldestDate, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(ClientAttention::client);

	private LocalDate oldestDate() {
		return reasons.stream().map(Reason::date).filter(date -> date != null).min(Comparator.naturalOrder()).orElse(null);
	}
}

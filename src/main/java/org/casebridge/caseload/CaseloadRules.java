package org.casebridge.caseload;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.casebridge.caseload.CaseloadFact.Kind;
import org.casebridge.caseload.ClientAttention.Reason;
import org.casebridge.caseload.ProgramTemplates.Reassessment;

/**
 * Which of a client's facts need the case manager today, and why (CodeSystem cb-caseload-reason).
 * A wait or an interval is overdue once more than its length has passed: a goal due today, or a
 * weekly check-in made seven days ago, is not yet. Plain code, tested without a server.
 */
final class CaseloadRules {

	/** What the rules measure against, for one program. */
	record Thresholds(Period referralAcceptance, Period referralCompletion, Optional<Period> checkInInterval,
			List<Reassessment> reassessments, Set<String> highRiskNeeds) {}

	private static final Set<String> GOAL_CLOSED = Set.of("completed", "cancelled", "rejected", "entered-in-error");
	private static final Set<String> GOAL_MET = Set.of("achieved", "sustaining");
	private static final Set<String> NEED_ACTIVE = Set.of("active", "recurrence", "relapse");
	private static final Set<String> CONTACT_MADE = Set.of("arrived", "triaged", "in-progress", "onleave", "finished");
	private static final Set<String> RESPONSE_DONE = Set.of("completed", "amended");
	private static final Set<String> REFERRAL_OPEN = Set.of("accepted", "in-progress", "on-hold");
	private static final Set<String> REFERRAL_ENDED = Set.of("rejected", "failed");
	private static final String NEED_SYSTEM = "http://casebridge.org/fhir/CodeSystem/cb-assessment|";

	private final Map<Kind, List<CaseloadFact>> facts;
	private final LocalDate today;

	private CaseloadRules(List<CaseloadFact> facts, LocalDate today) {
		this.facts = facts.stream().collect(Collectors.groupingBy(CaseloadFact::kind));
		this.today = today;
	}

	static ClientAttention attention(String client, List<CaseloadFact> facts,
			Function<Optional<String>, Thresholds> thresholds, LocalDate today) {
		return new CaseloadRules(facts, today).attention(client, thresholds);
	}

	private ClientAttention attention(String client, Function<Optional<String>, Thresholds> thresholdsOf) {
		Optional<CaseloadFact> episode = latest(Kind.EPISODE, fact -> "active".equals(fact.status()));
		Optional<CaseloadFact> plan = latest(Kind.PLAN, fact -> "active".equals(fact.status()));
		Optional<String> program = episode.or(() -> plan).map(CaseloadFact::code);
		Thresholds thresholds = thresholdsOf.apply(program);
		List<Reason> reasons = new ArrayList<>();
		needs(thresholds, reasons);
		referrals(thresholds, reasons);
		contact(thresholds, episode.or(() -> plan), reasons);
		goals(reasons);
		reassessments(thresholds, reasons);
		reasons.sort(ClientAttention.BY_URGENCY);
		return new ClientAttention(client, all(Kind.CLIENT).stream().findFirst().map(CaseloadFact::label),
				episode, plan, program, List.copyOf(reasons));
	}

	private void needs(Thresholds thresholds, List<Reason> reasons) {
		Set<String> addressed = all(Kind.ADDRESSES).stream().filter(fact -> "active".equals(fact.status()))
				.map(CaseloadFact::code).collect(Collectors.toSet());
		for (CaseloadFact need : all(Kind.NEED)) {
			if (!in(NEED_ACTIVE, need.status())) {
				continue;
			}
			boolean highRisk = need.code().startsWith(NEED_SYSTEM)
					&& thresholds.highRiskNeeds().contains(need.code().substring(NEED_SYSTEM.length()));
			if (highRisk) {
				reasons.add(reason(AttentionReason.HIGH_RISK, need, need.date(), need.label()));
			} else if (!addressed.contains(need.reference())) {
				reasons.add(reason(AttentionReason.UNADDRESSED_NEED, need, need.date(),
						need.label() + ": no active care plan addresses it"));
			}
		}
	}

	private void referrals(Thresholds thresholds, List<Reason> reasons) {
		for (CaseloadFact task : all(Kind.REFERRAL_TASK)) {
			String status = task.status();
			String what = referralLabel(task);
			if ("requested".equals(status) && overdue(task.date(), thresholds.referralAcceptance())) {
				reasons.add(reason(AttentionReason.REFERRAL_NOT_ACCEPTED, task, task.date(),
						what + " requested " + ago(task.date()) + ", not accepted within " + days(thresholds.referralAcceptance())));
			} else if (in(REFERRAL_OPEN, status) && overdue(task.date(), thresholds.referralCompletion())) {
				reasons.add(reason(AttentionReason.REFERRAL_NOT_COMPLETED, task, task.date(),
						what + " " + status + " " + ago(task.date()) + ", not completed within "
								+ days(thresholds.referralCompletion())));
			} else if (in(REFERRAL_ENDED, status) && !followedUp(task.code())) {
				reasons.add(reason(AttentionReason.REFERRAL_UNRESOLVED, task, task.date(),
						what + " " + status + " " + ago(task.date()) + ", with no follow-up referral"));
			}
		}
	}

	/** A later referral of the client for the same kind of service, or one that replaces it. */
	private boolean followedUp(String referralReference) {
		Optional<CaseloadFact> referral = all(Kind.REFERRAL).stream()
				.filter(fact -> fact.reference().equals(referralReference)).findFirst();
		boolean replaced = all(Kind.REPLACES).stream().anyMatch(fact -> fact.code().equals(referralReference));
		return replaced || referral.filter(ended -> all(Kind.REFERRAL).stream().anyMatch(other ->
				!other.reference().equals(referralReference)
						&& !"entered-in-error".equals(other.status())
						&& other.code().equals(ended.code())
						&& (ended.date() == null || other.date() == null || !other.date().isBefore(ended.date()))))
				.isPresent();
	}

	private String referralLabel(CaseloadFact task) {
		return all(Kind.REFERRAL).stream().filter(fact -> fact.reference().equals(task.code()))
				.map(CaseloadFact::label).filter(label -> label != null).findFirst()
				.map(label -> "Referral (" + label + ")").orElse("Referral");
	}

	private void contact(Thresholds thresholds, Optional<CaseloadFact> enrolment, List<Reason> reasons) {
		if (thresholds.checkInInterval().isEmpty()) {
			return;
		}
		Period interval = thresholds.checkInInterval().get();
		Optional<CaseloadFact> last = latest(Kind.CONTACT, fact -> in(CONTACT_MADE, fact.status()) && fact.date() != null
				&& !fact.date().isAfter(today));
		if (last.isPresent() && (enrolment.isEmpty() || !last.get().date().isBefore(dateOrMin(enrolment.get())))) {
			if (overdue(last.get().date(), interval)) {
				reasons.add(reason(AttentionReason.NO_CONTACT, last.get(), last.get().date(),
						"Last check-in " + ago(last.get().date()) + "; the program checks in every " + days(interval)));
			}
		} else if (enrolment.isPresent() && enrolment.get().date() != null && overdue(enrolment.get().date(), interval)) {
			reasons.add(reason(AttentionReason.NO_CONTACT, enrolment.get(), enrolment.get().date(),
					"No check-in since the program started " + ago(enrolment.get().date()) + "; the program checks in every "
							+ days(interval)));
		}
	}

	private void goals(List<Reason> reasons) {
		for (CaseloadFact goal : all(Kind.GOAL)) {
			if (!in(GOAL_CLOSED, goal.status()) && !in(GOAL_MET, goal.code()) && goal.date() != null
					&& goal.date().isBefore(today)) {
				reasons.add(reason(AttentionReason.GOAL_OVERDUE, goal, goal.date(),
						"Due " + ago(goal.date()) + ": " + goal.label()));
			}
		}
	}

	private void reassessments(Thresholds thresholds, List<Reason> reasons) {
		for (Reassessment reassessment : thresholds.reassessments()) {
			Optional<CaseloadFact> last = latest(Kind.RESPONSE, fact -> reassessment.questionnaire().equals(fact.code())
					&& in(RESPONSE_DONE, fact.status()) && fact.date() != null);
			String every = "; due every " + days(reassessment.interval());
			if (last.isEmpty()) {
				reasons.add(new Reason(AttentionReason.REASSESSMENT_DUE, reassessment.reference(), reassessment.title(), null,
						reassessment.title() + ": never completed" + every));
			} else if (overdue(last.get().date(), reassessment.interval())) {
				reasons.add(reason(AttentionReason.REASSESSMENT_DUE, last.get(), last.get().date(),
						reassessment.title() + ": last completed " + ago(last.get().date()) + every));
			}
		}
	}

	/** Whether the code is one of {@code codes}; a missing code is none of them. */
	private static boolean in(Set<String> codes, String code) {
		return code != null && codes.contains(code);
	}

	private boolean overdue(LocalDate since, Period allowed) {
		return since != null && today.isAfter(since.plus(allowed));
	}

	private Optional<CaseloadFact> latest(Kind kind, Predicate<CaseloadFact> filter) {
		return all(kind).stream().filter(filter)
				.max(Comparator.comparing(CaseloadRules::dateOrMin).thenComparing(CaseloadFact::resourceId));
	}

	private List<CaseloadFact> all(Kind kind) {
		return facts.getOrDefault(kind, List.of());
	}

	private static LocalDate dateOrMin(CaseloadFact fact) {
		return fact.date() == null ? LocalDate.MIN : fact.date();
	}

	private static Reason reason(AttentionReason code, CaseloadFact cause, LocalDate date, String detail) {
		return new Reason(code, cause.reference(), cause.label(), date, detail);
	}

	private String ago(LocalDate date) {
		long days = ChronoUnit.DAYS.between(date, today);
		return "on " + date + " (" + (days == 1 ? "1 day" : days + " days") + " ago)";
	}

	private static String days(Period period) {
		return period.toTotalMonths() == 0 ? period.getDays() + " days" : period.toString();
	}
}

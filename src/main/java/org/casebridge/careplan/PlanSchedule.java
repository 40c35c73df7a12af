package org.casebridge.careplan;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.casebridge.conformance.TemplateTiming;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;

/**
 * Turns a template's relative times ({@link TemplateTiming}) into the client's dates: a repeating
 * Timing is bounded by {@code boundsDuration}, {@code boundsPeriod} or {@code count}, else by the
 * plan's horizon. A repetition's first occurrence is one interval after
 * the start: the day the plan is made is its own contact.
 */
final class PlanSchedule {

	/** More occurrences than this is a template defect (every day for years), not a plan. */
	static final int MAX_OCCURRENCES = 400;

	private PlanSchedule() {}

	static LocalDate after(LocalDate start, Duration duration) {
		try {
			return start.plus(TemplateTiming.of(duration));
		} catch (IllegalArgumentException defect) {
			throw defect(defect.getMessage());
		}
	}

	/** The dates of a repeating timing from {@code start}, within its bounds or the horizon. */
	static List<LocalDate> occurrences(Timing timing, LocalDate start, LocalDate horizon) {
		TimingRepeatComponent repeat = timing.getRepeat();
		if (!timing.hasRepeat()) {
			throw defect("a Timing needs repeat.period and repeat.periodUnit");
		}
		Period interval = interval(repeat);
		LocalDate end = horizon;
		if (repeat.hasBoundsDuration()) {
			end = after(start, repeat.getBoundsDuration());
		} else if (repeat.hasBoundsPeriod() && repeat.getBoundsPeriod().hasEnd()) {
			end = LocalDate.parse(repeat.getBoundsPeriod().getEndElement().getValueAsString().substring(0, 10));
		}
		int count = repeat.hasCount() ? repeat.getCount() : Integer.MAX_VALUE;
		List<LocalDate> dates = new ArrayList<>();
		for (int k = 1; k <= count; k++) {
			LocalDate date = start.plus(interval.multipliedBy(k));
			if (date.isAfter(end)) {
				break;
			}
			if (dates.size() == MAX_OCCURRENCES) {
				throw defect("a Timing gives more than " + MAX_OCCURRENCES + " occurrences");
			}
			dates.add(date);
		}
		return dates;
	}

	private static Period interval(TimingRepeatComponent repeat) {
		try {
			return TemplateTiming.interval(repeat);
		} catch (IllegalArgumentException defect) {
			throw defect(defect.getMessage());
		}
	}

	static UnprocessableEntityException defect(String message) {
		return new UnprocessableEntityException("Cannot apply this template: " + message);
	}
}

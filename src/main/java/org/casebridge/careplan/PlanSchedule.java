package org.casebridge.careplan;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * Turns a template's relative times into the client's dates. Care plans are kept in whole days:
 * a Duration in days, weeks, months or years (hours only in whole days, e.g. 48 h), and a
 * repeating Timing (FHIR R4 §2.24.0.13 {@code Timing.repeat}) with {@code frequency} per
 * {@code period periodUnit}, bounded by {@code boundsDuration}, {@code boundsPeriod} or
 * {@code count}, else by the plan's horizon. A repetition's first occurrence is one interval after
 * the start: the day the plan is made is its own contact.
 */
final class PlanSchedule {

	/** More occurrences than this is a template defect (every day for years), not a plan. */
	static final int MAX_OCCURRENCES = 400;

	private PlanSchedule() {}

	static LocalDate after(LocalDate start, Duration duration) {
		return start.plus(period(duration.getValue(), duration.getCode(), "a Duration"));
	}

	/** The dates of a repeating timing from {@code start}, within its bounds or the horizon. */
	static List<LocalDate> occurrences(Timing timing, LocalDate start, LocalDate horizon) {
		TimingRepeatComponent repeat = timing.getRepeat();
		if (!timing.hasRepeat() || !repeat.hasPeriod() || !repeat.hasPeriodUnit()) {
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
		int frequency = repeat.hasFrequency() ? repeat.getFrequency() : 1;
		Period period = period(repeat.getPeriod(), repeat.getPeriodUnit().toCode(), "a Timing");
		if (frequency == 1) {
			return period;
		}
		if (period.toTotalMonths() != 0 || period.getDays() % frequency != 0) {
			throw defect("a Timing of " + frequency + " per " + repeat.getPeriod() + " " + repeat.getPeriodUnit().toCode()
					+ " is not in whole days");
		}
		return Period.ofDays(period.getDays() / frequency);
	}

	private static Period period(BigDecimal value, String unit, String what) {
		if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
			throw defect(what + " needs a whole, non-negative value, not " + value);
		}
		int amount = value.intValueExact();
		UnitsOfTime units = unit == null ? null : unitsOfTime(unit);
		if (units == UnitsOfTime.H && amount % 24 == 0) {
			return Period.ofDays(amount / 24);
		}
		if (units == UnitsOfTime.D) {
			return Period.ofDays(amount);
		}
		if (units == UnitsOfTime.WK) {
			return Period.ofWeeks(amount);
		}
		if (units == UnitsOfTime.MO) {
			return Period.ofMonths(amount);
		}
		if (units == UnitsOfTime.A) {
			return Period.ofYears(amount);
		}
		throw defect(what + " of " + value + " " + unit + " is not in whole days (units d, wk, mo, a, or h in 24s)");
	}

	private static UnitsOfTime unitsOfTime(String code) {
		try {
			return UnitsOfTime.fromCode(code);
		} catch (org.hl7.fhir.exceptions.FHIRException unknown) {
			return null;
		}
	}

	static UnprocessableEntityException defect(String message) {
		return new UnprocessableEntityException("Cannot apply this template: " + message);
	}
}

package org.casebridge.conformance;

import java.math.BigDecimal;
import java.time.Period;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Timing.TimingRepeatComponent;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;

/**
 * A program template's relative times in whole days, the unit care plans are kept in: a Duration
 * in days, weeks, months or years (hours only in whole days, e.g. 48 h), and the interval of a
 * repeating Timing (FHIR R4 §2.24.0.13 {@code Timing.repeat}: {@code frequency} per
 * {@code period periodUnit}). Shared by {@code $apply}, which schedules by them, and
 * {@code $caseload}, which checks what is overdue by them. A time that is not in whole days is a
 * defect of the template: {@link IllegalArgumentException}.
 */
public final class TemplateTiming {

	private TemplateTiming() {}

	public static Period of(Duration duration) {
		return period(duration.getValue(), duration.getCode(), "a Duration");
	}

	public static Period interval(TimingRepeatComponent repeat) {
		if (!repeat.hasPeriod() || !repeat.hasPeriodUnit()) {
			throw new IllegalArgumentException("a Timing needs repeat.period and repeat.periodUnit");
		}
		int frequency = repeat.hasFrequency() ? repeat.getFrequency() : 1;
		Period period = period(repeat.getPeriod(), repeat.getPeriodUnit().toCode(), "a Timing");
		if (frequency == 1) {
			return period;
		}
		if (period.toTotalMonths() != 0 || period.getDays() % frequency != 0) {
			throw new IllegalArgumentException("a Timing of " + frequency + " per " + repeat.getPeriod() + " "
					+ repeat.getPeriodUnit().toCode() + " is not in whole days");
		}
		return Period.ofDays(period.getDays() / frequency);
	}

	private static Period period(BigDecimal value, String unit, String what) {
		if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException(what + " needs a whole, non-negative value, not " + value);
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
		throw new IllegalArgumentException(what + " of " + value + " " + unit
				+ " is not in whole days (units d, wk, mo, a, or h in 24s)");
	}

	private static UnitsOfTime unitsOfTime(String code) {
		try {
			return UnitsOfTime.fromCode(code);
		} catch (FHIRException unknown) {
			return null;
		}
	}
}

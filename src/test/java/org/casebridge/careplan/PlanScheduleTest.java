package org.casebridge.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanScheduleTest {

	private static final LocalDate START = LocalDate.of(2026, 1, 31);

	@ParameterizedTest(name = "{0} {1} after 2026-01-31 is {2}")
	@CsvSource({
		"0, d, 2026-01-31",
		"7, d, 2026-02-07",
		"2, wk, 2026-02-14",
		"1, mo, 2026-02-28",
		"1, a, 2027-01-31",
		"48, h, 2026-02-02"})
	void aDurationInWholeDaysGivesADate(int value, String unit, String expected) {
		assertThat(PlanSchedule.after(START, duration(value, unit))).isEqualTo(LocalDate.parse(expected));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({"36, h", "30, min", "1, s", "3, furlong"})
	void aDurationNotInWholeDaysIsATemplateDefect(int value, String unit) {
		assertThatThrownBy(() -> PlanSchedule.after(START, duration(value, unit)))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("not in whole days");
	}

	@Test
	void aFractionalOrNegativeDurationIsATemplateDefect() {
		Duration fractional = duration(1, "d");
		fractional.setValue(new BigDecimal("1.5"));
		assertThatThrownBy(() -> PlanSchedule.after(START, fractional)).hasMessageContaining("whole, non-negative");
		assertThatThrownBy(() -> PlanSchedule.after(START, duration(-1, "d"))).hasMessageContaining("whole, non-negative");
	}

	@Test
	void aWeeklyRepeatWithinThirtyDaysFallsOnFourDays() {
		Timing weekly = repeat(1, 7, UnitsOfTime.D);
		weekly.getRepeat().setBounds(duration(30, "d"));

		assertThat(PlanSchedule.occurrences(weekly, START, START.plusYears(1)))
				.containsExactly(LocalDate.of(2026, 2, 7), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 21),
						LocalDate.of(2026, 2, 28));
	}

	@Test
	void anUnboundedRepeatStopsAtTheHorizonAndACountStopsEarlier() {
		Timing fortnightly = repeat(1, 2, UnitsOfTime.WK);

		assertThat(PlanSchedule.occurrences(fortnightly, START, START.plusDays(42))).hasSize(3);
		fortnightly.getRepeat().setCount(2);
		assertThat(PlanSchedule.occurrences(fortnightly, START, START.plusDays(42))).hasSize(2);
	}

	@Test
	void aBoundsPeriodEndsTheRepeat() {
		Timing monthly = repeat(1, 1, UnitsOfTime.MO);
		monthly.getRepeat().setBounds(new Period().setEndElement(new DateTimeType("2026-05-15T12:00:00Z")));

		assertThat(PlanSchedule.occurrences(monthly, START, START.plusYears(1)))
				.containsExactly(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
	}

	@Test
	void twiceAWeekIsEveryThreeAndAHalfDaysAndSoNotAPlanInDays() {
		assertThat(PlanSchedule.occurrences(repeat(2, 14, UnitsOfTime.D), START, START.plusDays(14)))
				.containsExactly(START.plusDays(7), START.plusDays(14));
		assertThatThrownBy(() -> PlanSchedule.occurrences(repeat(2, 1, UnitsOfTime.WK), START, START.plusDays(14)))
				.hasMessageContaining("not in whole days");
	}

	@Test
	void aTimingWithoutARepeatPeriodOrWithTooManyOccurrencesIsATemplateDefect() {
		assertThatThrownBy(() -> PlanSchedule.occurrences(new Timing(), START, START.plusDays(7)))
				.hasMessageContaining("repeat.period");
		assertThatThrownBy(() -> PlanSchedule.occurrences(repeat(1, 1, UnitsOfTime.D), START, START.plusYears(5)))
				.hasMessageContaining("more than " + PlanSchedule.MAX_OCCURRENCES);
	}

	private static Duration duration(int value, String unit) {
		Duration duration = new Duration();
		duration.setValue(value).setSystem("http://unitsofmeasure.org").setCode(unit);
		return duration;
	}

	private static Timing repeat(int frequency, int period, UnitsOfTime unit) {
		Timing timing = new Timing();
		timing.getRepeat().setFrequency(frequency).setPeriod(period).setPeriodUnit(unit);
		return timing;
	}
}

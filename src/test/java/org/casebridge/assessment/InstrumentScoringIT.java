package org.casebridge.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebridge.Responses.CB;
import static org.casebridge.Responses.LOINC;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.casebridge.Responses;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every instrument in the package, scored by the server as a client posts a completed response:
 * its minimum, its maximum and both sides of each published band boundary, with the score
 * Observation (value and band) and the need Conditions the server stores alongside the response.
 */
class InstrumentScoringIT extends FhirServerTestBase {

	private static final String PHQ9_TOTAL = LOINC + "|44261-6";
	private static final String GAD7_TOTAL = LOINC + "|70274-6";
	private static final String AUDIT_C_TOTAL = LOINC + "|75626-2";
	private static final String HITS_TOTAL = LOINC + "|95614-4";
	private static final String DAST10_TOTAL = CB + "|dast10-total";
	private static final String KATZ_TOTAL = CB + "|katz-total";
	private static final String LAWTON_TOTAL = CB + "|lawton-total";
	private static final String LACE_TOTAL = CB + "|lace-total";

	private static final String NEGATIVE = "LA32-8";
	private static final String POSITIVE = "LA33-6";
	private static final String NEVER_TRUE = "LA28398-8";
	private static final String STEADY_HOME = "LA31993-1";
	private static final List<String> NO_PROBLEMS = List.of("LA9-3");

	/** A response for a given subject, the score code to look for, and what the server should store. */
	record Case(Function<Reference, QuestionnaireResponse> response, AdministrativeGender sex, String scoreCode,
			int score, String band, Set<String> needs) {}

	static Stream<Arguments> cases() {
		return Stream.of(
				phq9("minimum", 0, "phq9-minimal", 0, 0, 0, 0, 0, 0, 0, 0, 0),
				phq9("top of minimal", 4, "phq9-minimal", 1, 1, 1, 1, 0, 0, 0, 0, 0),
				phq9("bottom of mild", 5, "phq9-mild", 1, 1, 1, 1, 1, 0, 0, 0, 0),
				phq9("top of mild", 9, "phq9-mild", 3, 3, 3, 0, 0, 0, 0, 0, 0),
				phq9("bottom of moderate", 10, "phq9-moderate", 3, 3, 3, 1, 0, 0, 0, 0, 0, "need-depression"),
				phq9("top of moderate", 14, "phq9-moderate", 2, 2, 2, 2, 2, 2, 2, 0, 0, "need-depression"),
				phq9("bottom of moderately severe", 15, "phq9-moderately-severe", 3, 3, 3, 3, 3, 0, 0, 0, 0, "need-depression"),
				phq9("top of moderately severe", 19, "phq9-moderately-severe", 3, 3, 3, 3, 3, 3, 1, 0, 0, "need-depression"),
				phq9("bottom of severe", 20, "phq9-severe", 3, 3, 3, 3, 3, 3, 2, 0, 0, "need-depression"),
				phq9("maximum", 27, "phq9-severe", 3, 3, 3, 3, 3, 3, 3, 3, 3, "need-depression", "need-suicide-risk"),
				phq9("item 9 alone", 1, "phq9-minimal", 0, 0, 0, 0, 0, 0, 0, 0, 1, "need-suicide-risk"),

				gad7("minimum", 0, "gad7-minimal", 0, 0, 0, 0, 0, 0, 0),
				gad7("top of minimal", 4, "gad7-minimal", 1, 1, 1, 1, 0, 0, 0),
				gad7("bottom of mild", 5, "gad7-mild", 1, 1, 1, 1, 1, 0, 0),
				gad7("top of mild", 9, "gad7-mild", 3, 3, 3, 0, 0, 0, 0),
				gad7("bottom of moderate", 10, "gad7-moderate", 3, 3, 3, 1, 0, 0, 0, "need-anxiety"),
				gad7("top of moderate", 14, "gad7-moderate", 2, 2, 2, 2, 2, 2, 2, "need-anxiety"),
				gad7("bottom of severe", 15, "gad7-severe", 3, 3, 3, 3, 3, 0, 0, "need-anxiety"),
				gad7("maximum", 21, "gad7-severe", 3, 3, 3, 3, 3, 3, 3, "need-anxiety"),

				auditC("minimum", AdministrativeGender.MALE, 0, "audit-c-negative", 0, 0, 0),
				auditC("man below threshold", AdministrativeGender.MALE, 3, "audit-c-negative", 1, 1, 1),
				auditC("man at threshold", AdministrativeGender.MALE, 4, "audit-c-positive", 2, 1, 1, "need-unhealthy-alcohol-use"),
				auditC("woman below threshold", AdministrativeGender.FEMALE, 2, "audit-c-negative", 1, 1, 0),
				auditC("woman at threshold", AdministrativeGender.FEMALE, 3, "audit-c-positive", 1, 1, 1, "need-unhealthy-alcohol-use"),
				auditC("maximum", AdministrativeGender.FEMALE, 12, "audit-c-positive", 4, 4, 4, "need-unhealthy-alcohol-use"),

				dast10(0, "dast10-none"),
				dast10(1, "dast10-low"),
				dast10(2, "dast10-low"),
				dast10(3, "dast10-moderate", "need-drug-use"),
				dast10(5, "dast10-moderate", "need-drug-use"),
				dast10(6, "dast10-substantial", "need-drug-use"),
				dast10(8, "dast10-substantial", "need-drug-use"),
				dast10(9, "dast10-severe", "need-drug-use"),
				dast10(10, "dast10-severe", "need-drug-use"),

				ahcHrsn("no need", STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, NEGATIVE, NEGATIVE, 4, "ahc-hrsn-safety-negative"),
				ahcHrsn("worried about losing housing", "LA31994-9", NO_PROBLEMS, NEVER_TRUE, NEGATIVE, NEGATIVE, 4,
						"ahc-hrsn-safety-negative", "need-housing-instability"),
				ahcHrsn("mold where they live", STEADY_HOME, List.of("LA28580-1"), NEVER_TRUE, NEGATIVE, NEGATIVE, 4,
						"ahc-hrsn-safety-negative", "need-housing-instability"),
				ahcHrsn("food sometimes ran out", STEADY_HOME, NO_PROBLEMS, "LA6729-3", NEGATIVE, NEGATIVE, 4,
						"ahc-hrsn-safety-negative", "need-food-insecurity"),
				ahcHrsn("no transportation", STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, POSITIVE, NEGATIVE, 4,
						"ahc-hrsn-safety-negative", "need-transportation-insecurity"),
				ahcHrsn("utilities already shut off", STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, NEGATIVE, "LA32002-0", 4,
						"ahc-hrsn-safety-negative", "need-utility-insecurity"),
				ahcHrsn("safety just below threshold", STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, NEGATIVE, NEGATIVE, 10,
						"ahc-hrsn-safety-negative"),
				ahcHrsn("safety at threshold", STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, NEGATIVE, NEGATIVE, 11,
						"ahc-hrsn-safety-positive", "need-interpersonal-safety"),
				ahcHrsn("every domain", "LA31995-6", NO_PROBLEMS, "LA28397-0", POSITIVE, POSITIVE, 20,
						"ahc-hrsn-safety-positive", "need-housing-instability", "need-food-insecurity",
						"need-transportation-insecurity", "need-utility-insecurity", "need-interpersonal-safety"),

				katz(0, "katz-severe-impairment", "need-adl-dependence"),
				katz(2, "katz-severe-impairment", "need-adl-dependence"),
				katz(3, "katz-moderate-impairment", "need-adl-dependence"),
				katz(5, "katz-moderate-impairment", "need-adl-dependence"),
				katz(6, "katz-full-function"),

				lawton(0),
				lawton(5),
				lawton(8),

				lace("minimum", 0, 0, false, 0, 0, "lace-low"),
				lace("top of low", 4, 4, false, 0, 0, "lace-low"),
				lace("bottom of moderate", 5, 2, true, 0, 0, "lace-moderate"),
				lace("top of moderate", 9, 3, true, 3, 0, "lace-moderate"),
				lace("bottom of high", 10, 7, true, 0, 0, "lace-high", "need-readmission-risk"),
				lace("maximum", 19, 7, true, 5, 4, "lace-high", "need-readmission-risk"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void storesTheScoreItsBandAndTheNeeds(String name, Case expected) {
		Reference subject = patient(expected.sex());
		IIdType response = client.create().resource(expected.response().apply(subject)).execute().getId();

		List<Observation> scores = search(Observation.class, "Observation?derived-from=" + response.toUnqualifiedVersionless().getValue()
				+ "&code=" + expected.scoreCode());
		assertThat(scores).singleElement().satisfies(score -> {
			assertThat(score.getValueIntegerType().getValue()).isEqualTo(expected.score());
			assertThat(score.getSubject().getReference()).isEqualTo(subject.getReference());
			assertThat(score.getMeta().getProfile().get(0).getValue()).endsWith("/cb-score");
			if (expected.band() == null) {
				assertThat(score.hasInterpretation()).isFalse();
			} else {
				assertThat(score.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo(expected.band());
			}
		});
		List<Condition> needs = search(Condition.class, "Condition?evidence-detail=" + response.toUnqualifiedVersionless().getValue());
		assertThat(needs.stream().map(need -> need.getCode().getCodingFirstRep().getCode()).collect(Collectors.toSet()))
				.isEqualTo(expected.needs());
	}

	private static Arguments phq9(String name, int score, String band, int p1, int p2, int p3, int p4, int p5, int p6,
			int p7, int p8, int p9, String... needs) {
		return scored("PHQ-9 " + name, subject -> Responses.phq9(subject, p1, p2, p3, p4, p5, p6, p7, p8, p9),
				AdministrativeGender.UNKNOWN, PHQ9_TOTAL, score, band, needs);
	}

	private static Arguments gad7(String name, int score, String band, int p1, int p2, int p3, int p4, int p5, int p6,
			int p7, String... needs) {
		return scored("GAD-7 " + name, subject -> Responses.gad7(subject, p1, p2, p3, p4, p5, p6, p7),
				AdministrativeGender.UNKNOWN, GAD7_TOTAL, score, band, needs);
	}

	private static Arguments auditC(String name, AdministrativeGender sex, int score, String band, int p1, int p2, int p3,
			String... needs) {
		return scored("AUDIT-C " + name, subject -> Responses.auditC(subject, p1, p2, p3), sex, AUDIT_C_TOTAL, score, band,
				needs);
	}

	private static Arguments dast10(int problems, String band, String... needs) {
		return scored("DAST-10 " + problems, subject -> Responses.dast10(subject, problems), AdministrativeGender.UNKNOWN,
				DAST10_TOTAL, problems, band, needs);
	}

	private static Arguments ahcHrsn(String name, String living, List<String> placeProblems, String food, String transport,
			String utilities, int hitsTotal, String band, String... needs) {
		int[] hits = hitsSpread(hitsTotal);
		return scored("AHC HRSN " + name,
				subject -> Responses.ahcHrsn(subject, living, placeProblems, food, food, transport, utilities, hits),
				AdministrativeGender.UNKNOWN, HITS_TOTAL, hitsTotal, band, needs);
	}

	private static Arguments katz(int independent, String band, String... needs) {
		return scored("Katz ADL " + independent, subject -> Responses.katz(subject, independent), AdministrativeGender.UNKNOWN,
				KATZ_TOTAL, independent, band, needs);
	}

	private static Arguments lawton(int able) {
		return scored("Lawton IADL " + able, subject -> Responses.lawton(subject, able), AdministrativeGender.UNKNOWN,
				LAWTON_TOTAL, able, null);
	}

	private static Arguments lace(String name, int score, int stay, boolean acute, int charlson, int edVisits, String band,
			String... needs) {
		return scored("LACE " + name, subject -> Responses.lace(subject, stay, acute, charlson, edVisits),
				AdministrativeGender.UNKNOWN, LACE_TOTAL, score, band, needs);
	}

	private static Arguments scored(String name, Function<Reference, QuestionnaireResponse> response, AdministrativeGender sex,
			String scoreCode, int score, String band, String... needs) {
		return Arguments.of(name, new Case(response, sex, scoreCode, score, band, Set.of(needs)));
	}

	/** Four HITS answers (1-5 points each) adding up to {@code total}, 4-20. */
	private static int[] hitsSpread(int total) {
		int[] hits = {1, 1, 1, 1};
		for (int i = 0, rest = total - 4; rest > 0; i++, rest -= 4) {
			hits[i] += Math.min(4, rest);
		}
		return hits;
	}

	private Reference patient(AdministrativeGender sex) {
		Patient patient = new Patient().setGender(sex);
		patient.addIdentifier().setSystem("urn:casebridge:test").setValue(unique);
		patient.addName().setFamily("Scoring");
		return new Reference(client.create().resource(patient).execute().getId().toUnqualifiedVersionless());
	}

	private <T extends Resource> List<T> search(Class<T> type, String url) {
		Bundle bundle = client.search().byUrl(url).returnBundle(Bundle.class).execute();
		return bundle.getEntry().stream().map(entry -> type.cast(entry.getResource())).toList();
	}
}

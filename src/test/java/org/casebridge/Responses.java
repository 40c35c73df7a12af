package org.casebridge;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * Completed responses to the package's instruments, written from the published forms: each
 * builder takes the points the person scores per question, and picks the answer the published
 * instrument gives those points (so the expected totals in the tests come from the forms, not
 * from the Questionnaires under test).
 */
public final class Responses {

	public static final String LOINC = "http://loinc.org";
	public static final String CB = "http://casebridge.org/fhir/CodeSystem/cb-assessment";

	private static final List<String> PHQ_FREQUENCY = List.of("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9");
	private static final List<String> PHQ9_ITEMS = List.of(
			"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8");
	private static final List<String> GAD7_ITEMS = List.of(
			"69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7");
	private static final List<List<String>> AUDIT_C_ANSWERS = List.of(
			List.of("LA6270-8", "LA18926-8", "LA18927-6", "LA18928-4", "LA18929-2"),
			List.of("LA15694-5", "LA15695-2", "LA18930-0", "LA18931-8", "LA18932-6"),
			List.of("LA6270-8", "LA18933-4", "LA18876-5", "LA18891-4", "LA18934-2"));
	private static final List<String> AUDIT_C_ITEMS = List.of("68518-0", "68519-8", "68520-6");
	private static final String YES = "LA33-6";
	private static final String NO = "LA32-8";
	private static final List<String> KATZ_FUNCTIONS = List.of(
			"bathing", "dressing", "toileting", "transferring", "continence", "feeding");
	private static final List<String> LAWTON_DOMAINS = List.of(
			"telephone", "shopping", "food-preparation", "housekeeping", "laundry", "transportation", "medications", "finances");
	/** The published order's first option (1 point) and its first 0-point option, per Lawton domain. */
	private static final List<Integer> LAWTON_FIRST_ZERO_OPTION = List.of(4, 2, 2, 5, 3, 4, 2, 3);
	private static final List<String> LACE_STAY = List.of(
			"lace-los-lt-1", "lace-los-1", "lace-los-2", "lace-los-3", "lace-los-4-6", "lace-los-7-13", "", "lace-los-14-plus");
	private static final List<String> LACE_CHARLSON = List.of(
			"lace-cci-0", "lace-cci-1", "lace-cci-2", "lace-cci-3", "", "lace-cci-4-plus");
	private static final List<String> LACE_ED = List.of("lace-ed-0", "lace-ed-1", "lace-ed-2", "lace-ed-3", "lace-ed-4-plus");

	private Responses() {}

	/** PHQ-9, nine item scores 0-3 ("Not at all" … "Nearly every day"). */
	public static QuestionnaireResponse phq9(Reference subject, int... points) {
		return frequencies("phq-9", "phq9-problems", PHQ9_ITEMS, subject, points);
	}

	/** GAD-7, seven item scores 0-3. */
	public static QuestionnaireResponse gad7(Reference subject, int... points) {
		return frequencies("gad-7", "gad7-problems", GAD7_ITEMS, subject, points);
	}

	/** A PHQ-style instrument: a group of items answered on the LOINC frequency scale, scored 0-3. */
	private static QuestionnaireResponse frequencies(String questionnaire, String groupLinkId, List<String> items,
			Reference subject, int... points) {
		QuestionnaireResponse response = response(questionnaire, subject);
		QuestionnaireResponseItemComponent group = response.addItem().setLinkId(groupLinkId);
		for (int i = 0; i < items.size(); i++) {
			answer(group.addItem(), items.get(i), LOINC, PHQ_FREQUENCY.get(points[i]));
		}
		return response;
	}

	/** AUDIT-C, three item scores 0-4 (the answer lists' order is their score). */
	public static QuestionnaireResponse auditC(Reference subject, int... points) {
		QuestionnaireResponse response = response("audit-c", subject);
		for (int i = 0; i < AUDIT_C_ITEMS.size(); i++) {
			answer(response.addItem(), AUDIT_C_ITEMS.get(i), LOINC, AUDIT_C_ANSWERS.get(i).get(points[i]));
		}
		return response;
	}

	/** DAST-10 with the first {@code problems} questions answered the way that scores 1 ("No" on question 3). */
	public static QuestionnaireResponse dast10(Reference subject, int problems) {
		QuestionnaireResponse response = response("dast-10", subject);
		QuestionnaireResponseItemComponent group = response.addItem().setLinkId("dast10-questions");
		for (int q = 1; q <= 10; q++) {
			boolean problem = q <= problems;
			boolean yes = q == 3 ? !problem : problem;
			answer(group.addItem(), "dast10-q" + q, LOINC, yes ? YES : NO);
		}
		return response;
	}

	/** Katz ADL with the first {@code independent} functions independent (1 point each). */
	public static QuestionnaireResponse katz(Reference subject, int independent) {
		QuestionnaireResponse response = response("katz-adl", subject);
		for (int i = 0; i < KATZ_FUNCTIONS.size(); i++) {
			String function = KATZ_FUNCTIONS.get(i);
			answer(response.addItem(), "katz-" + function, CB,
					"katz-" + function + (i < independent ? "-independent" : "-dependent"));
		}
		return response;
	}

	/** Lawton IADL with the first {@code able} domains at their first option (1 point), the rest at a 0-point one. */
	public static QuestionnaireResponse lawton(Reference subject, int able) {
		QuestionnaireResponse response = response("lawton-iadl", subject);
		for (int i = 0; i < LAWTON_DOMAINS.size(); i++) {
			String domain = LAWTON_DOMAINS.get(i);
			int option = i < able ? 1 : LAWTON_FIRST_ZERO_OPTION.get(i);
			answer(response.addItem(), "lawton-" + domain, CB, "lawton-" + domain + "-" + option);
		}
		return response;
	}

	/** LACE: points for length of stay (0-5 or 7), acute admission, Charlson points (0-3 or 5), ED visits (0-4). */
	public static QuestionnaireResponse lace(Reference subject, int stay, boolean acute, int charlson, int edVisits) {
		QuestionnaireResponse response = response("lace-index", subject);
		answer(response.addItem(), "lace-length-of-stay", CB, LACE_STAY.get(stay));
		answer(response.addItem(), "lace-acuity", LOINC, acute ? YES : NO);
		answer(response.addItem(), "lace-comorbidity", CB, LACE_CHARLSON.get(charlson));
		answer(response.addItem(), "lace-ed-visits", CB, LACE_ED.get(edVisits));
		return response;
	}

	/**
	 * AHC HRSN core questions: living situation, problems with the place (repeating), the two food
	 * answers, transportation, utilities, and the four HITS answers scored 1-5.
	 */
	public static QuestionnaireResponse ahcHrsn(Reference subject, String livingSituation, List<String> placeProblems,
			String foodWorry, String foodDidNotLast, String transportation, String utilities, int... hits) {
		QuestionnaireResponse response = response("ahc-hrsn-core", subject);
		QuestionnaireResponseItemComponent living = response.addItem().setLinkId("ahc-hrsn-living-situation");
		answer(living.addItem(), "71802-3", LOINC, livingSituation);
		QuestionnaireResponseItemComponent problems = living.addItem().setLinkId("96778-6");
		placeProblems.forEach(code -> problems.addAnswer().setValue(new Coding(LOINC, code, null)));
		QuestionnaireResponseItemComponent food = response.addItem().setLinkId("ahc-hrsn-food");
		answer(food.addItem(), "88122-7", LOINC, foodWorry);
		answer(food.addItem(), "88123-5", LOINC, foodDidNotLast);
		answer(response.addItem().setLinkId("ahc-hrsn-transportation").addItem(), "93030-5", LOINC, transportation);
		answer(response.addItem().setLinkId("ahc-hrsn-utilities").addItem(), "96779-4", LOINC, utilities);
		List<String> hitsAnswers = List.of("LA6270-8", "LA10066-1", "LA10082-8", "LA16644-9", "LA6482-9");
		List<String> hitsItems = List.of("95618-5", "95617-7", "95616-9", "95615-1");
		QuestionnaireResponseItemComponent safety = response.addItem().setLinkId("ahc-hrsn-safety");
		for (int i = 0; i < hitsItems.size(); i++) {
			answer(safety.addItem(), hitsItems.get(i), LOINC, hitsAnswers.get(hits[i] - 1));
		}
		return response;
	}

	private static QuestionnaireResponse response(String questionnaire, Reference subject) {
		QuestionnaireResponse response = new QuestionnaireResponse()
				.setQuestionnaire("http://casebridge.org/fhir/Questionnaire/" + questionnaire)
				.setStatus(QuestionnaireResponseStatus.COMPLETED)
				.setSubject(subject)
				.setAuthored(new Date())
				.setAuthor(subject)
				.setSource(subject);
		response.getMeta().addProfile("http://casebridge.org/fhir/StructureDefinition/cb-assessment");
		return response;
	}

	private static void answer(QuestionnaireResponseItemComponent item, String linkId, String system, String code) {
		item.setLinkId(linkId).addAnswer().setValue(new Coding(system, code, null));
	}
}

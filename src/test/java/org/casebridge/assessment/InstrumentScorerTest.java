package org.casebridge.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.function.Function;
import org.casebridge.Responses;
import org.casebridge.conformance.ConformancePackage;
import org.casebridge.conformance.ConformanceResources;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** The scoring engine alone, on the package's Questionnaires, without a server. */
class InstrumentScorerTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final ConformanceResources CONFORMANCE =
			new ConformanceResources(FHIR, new DefaultProfileValidationSupport(FHIR), new ConformancePackage(FHIR));
	private static final InstrumentScorer SCORER = new InstrumentScorer(CONFORMANCE);
	private static final Reference SUBJECT = new Reference("Patient/scored");
	private static final Function<String, Resource> NOTHING_RESOLVES = reference -> null;

	@Test
	void aCodeWeighsWhatItsOwnItemSaysItDoes() {
		// "No" scores 1 on DAST-10 question 3 and 0 on the nine others.
		Assessment assessment = score("dast-10", Responses.dast10(SUBJECT, 3), NOTHING_RESOLVES);

		assertThat(assessment.observations()).singleElement()
				.satisfies(total -> assertThat(total.value().primitiveValue()).isEqualTo("3"));
		assertThat(assessment.needs()).extracting(need -> need.code().getCode()).containsExactly("need-drug-use");
	}

	@Test
	void scoresAreFilledIntoACopyAndTheResponseIsLeftAsSent() {
		QuestionnaireResponse response = Responses.phq9(SUBJECT, 3, 3, 3, 3, 3, 3, 3, 3, 3);

		Assessment assessment = score("phq-9", response, NOTHING_RESOLVES);

		assertThat(assessment.observations()).singleElement().satisfies(total -> {
			assertThat(total.key()).isEqualTo("44261-6");
			assertThat(total.value().primitiveValue()).isEqualTo("27");
			assertThat(total.interpretation().getCode()).isEqualTo("phq9-severe");
		});
		assertThat(response.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
				.containsExactly("phq9-problems");
	}

	@Test
	void aSexSpecificBandReadsTheSubjectAndAnUnknownSubjectGetsTheMoreSensitiveThreshold() {
		QuestionnaireResponse threePoints = Responses.auditC(SUBJECT, 1, 1, 1);
		Patient man = new Patient().setGender(AdministrativeGender.MALE);

		assertThat(score("audit-c", threePoints, reference -> man).observations().get(0).interpretation().getCode())
				.isEqualTo("audit-c-negative");
		Assessment unknown = score("audit-c", threePoints, NOTHING_RESOLVES);
		assertThat(unknown.observations().get(0).interpretation().getCode()).isEqualTo("audit-c-positive");
		assertThat(unknown.needs()).extracting(need -> need.code().getCode()).containsExactly("need-unhealthy-alcohol-use");
	}

	@Test
	void eachAnswerOfAQuestionMarkedForExtractionIsAnObservation() {
		QuestionnaireResponse response = Responses.ahcHrsn(SUBJECT, "LA31993-1", List.of("LA28580-1", "LA31998-0"),
				"LA28398-8", "LA28398-8", "LA32-8", "LA32-8", 1, 1, 1, 1);

		Assessment assessment = score("ahc-hrsn-core", response, NOTHING_RESOLVES);

		assertThat(assessment.observations()).extracting(Assessment.ItemObservation::key)
				.containsExactly("71802-3", "96778-6", "96778-6/1", "88122-7", "88123-5", "93030-5", "96779-4",
						"95618-5", "95617-7", "95616-9", "95615-1", "95614-4");
		assertThat(assessment.needs()).extracting(need -> need.category().getCode()).containsExactly("housing");
	}

	@Test
	void aCalculationThatGivesNoNumberIsRefusedNamingTheItem() {
		Questionnaire broken = questionnaire("katz-adl").copy();
		Questionnaire.QuestionnaireItemComponent total = broken.getItem().get(6);
		((Expression) total.getExtensionByUrl(InstrumentScorer.CALCULATED_EXPRESSION).getValue())
				.setExpression("%resource.item.answer.value.code");

		assertThatThrownBy(() -> SCORER.score(broken, Responses.katz(SUBJECT, 6), NOTHING_RESOLVES))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("calculatedExpression of item katz-total did not give one number");
	}

	private static Assessment score(String questionnaire, QuestionnaireResponse response, Function<String, Resource> resolver) {
		return SCORER.score(questionnaire(questionnaire), response, resolver);
	}

	private static Questionnaire questionnaire(String id) {
		return CONFORMANCE.questionnaire("http://casebridge.org/fhir/Questionnaire/" + id).orElseThrow();
	}
}

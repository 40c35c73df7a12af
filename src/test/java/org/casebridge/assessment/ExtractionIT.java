package org.casebridge.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.casebridge.Responses;
import org.casebridge.conformance.ProfileValidator;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a client sees of extraction: scores and needs stored with the response (also inside a
 * transaction), replaced rather than duplicated when the response is amended, {@code $extract}
 * returning an idempotent transaction Bundle of valid resources, the latest score one search
 * away, needs searchable by domain, and a new instrument scored from its Questionnaire alone.
 */
class ExtractionIT extends FhirServerTestBase {

	private static final String PHQ9_TOTAL = "http://loinc.org|44261-6";

	@Autowired
	private ProfileValidator profileValidator;

	private Reference subject;

	@BeforeEach
	void createSubject() {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem("urn:casebridge:test").setValue(unique);
		subject = new Reference(client.create().resource(patient).execute().getId().toUnqualifiedVersionless());
	}

	@Test
	void amendingAResponseReplacesItsScoreAndDropsANeedItNoLongerShows() {
		QuestionnaireResponse response = Responses.phq9(subject, 3, 3, 3, 2, 0, 0, 0, 0, 0);
		IIdType id = client.create().resource(response).execute().getId().toUnqualifiedVersionless();
		Observation first = single(derivedObservations(id));
		assertThat(first.getValueIntegerType().getValue()).isEqualTo(11);
		assertThat(first.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
		assertThat(needCodes(id)).containsExactly("need-depression");

		QuestionnaireResponse amended = Responses.phq9(subject, 1, 1, 1, 0, 0, 0, 0, 0, 0);
		amended.setId(id);
		amended.setStatus(QuestionnaireResponseStatus.AMENDED);
		client.update().resource(amended).execute();

		Observation second = single(derivedObservations(id));
		assertThat(second.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
		assertThat(second.getValueIntegerType().getValue()).isEqualTo(3);
		assertThat(second.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("phq9-minimal");
		assertThat(second.getMeta().getVersionId()).isEqualTo("2");
		assertThat(second.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
		assertThat(needCodes(id)).isEmpty();

		amended.setStatus(QuestionnaireResponseStatus.ENTEREDINERROR);
		client.update().resource(amended).execute();
		assertThat(derivedObservations(id)).isEmpty();
	}

	@Test
	void deletingAResponseDeletesWhatWasDerivedFromIt() {
		IIdType id = client.create().resource(Responses.phq9(subject, 3, 3, 3, 3, 0, 0, 0, 0, 1))
				.execute().getId().toUnqualifiedVersionless();
		assertThat(derivedObservations(id)).hasSize(1);

		client.delete().resourceById(id).execute();

		assertThat(derivedObservations(id)).isEmpty();
		assertThat(needCodes(id)).isEmpty();
	}

	@Test
	void extractReturnsATransactionOfValidResourcesThatCanBePostedAgainWithoutDuplicates() {
		IIdType id = client.create().resource(Responses.phq9(subject, 3, 3, 3, 3, 3, 0, 0, 0, 1))
				.execute().getId().toUnqualifiedVersionless();

		Bundle extracted = extract(id);

		assertThat(extracted.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
		assertThat(extracted.getEntry()).hasSize(3).allSatisfy(entry -> {
			assertThat(entry.getRequest().getMethod()).isEqualTo(HTTPVerb.PUT);
			assertThat(profileValidator.errors(entry.getResource())).isEmpty();
		});
		client.transaction().withBundle(extracted).execute();
		client.transaction().withBundle(extracted).execute();
		assertThat(derivedObservations(id)).hasSize(1);
		assertThat(needCodes(id)).containsExactlyInAnyOrder("need-depression", "need-suicide-risk");
	}

	@Test
	void extractRefusesAnIncompleteResponseAndAnUnknownOne() {
		QuestionnaireResponse draft = Responses.phq9(subject, 0, 0, 0, 0, 0, 0, 0, 0, 0)
				.setStatus(QuestionnaireResponseStatus.INPROGRESS);
		IIdType id = client.create().resource(draft).execute().getId().toUnqualifiedVersionless();
		assertThat(derivedObservations(id)).isEmpty();

		assertThatThrownBy(() -> extract(id))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("Only completed or amended responses are extracted");
		assertThatThrownBy(() -> extract(new IdType("QuestionnaireResponse", "no-such-response")))
				.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void aResponseInATransactionIsExtractedAgainstTheClientCreatedWithIt() {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem("urn:casebridge:test").setValue(unique + "-tx");
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl("urn:uuid:" + unique).setResource(patient)
				.getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
		transaction.addEntry().setResource(Responses.gad7(new Reference("urn:uuid:" + unique), 3, 3, 3, 3, 0, 0, 0))
				.getRequest().setMethod(HTTPVerb.POST).setUrl("QuestionnaireResponse");

		Bundle result = client.transaction().withBundle(transaction).execute();

		String patientId = new IdType(result.getEntry().get(0).getResponse().getLocation())
				.toUnqualifiedVersionless().getValue();
		List<Condition> needs = search(Condition.class, "Condition?subject=" + patientId);
		assertThat(needs).singleElement().satisfies(need -> {
			assertThat(need.getCode().getCodingFirstRep().getCode()).isEqualTo("need-anxiety");
			assertThat(need.getEvidenceFirstRep().getDetailFirstRep().getReference()).startsWith("QuestionnaireResponse/");
		});
	}

	@Test
	void theLatestScoreIsOneSearchAwayAndNeedsAreSearchableByDomain() {
		QuestionnaireResponse earlier = Responses.phq9(subject, 3, 3, 3, 3, 3, 0, 0, 0, 0)
				.setAuthored(Date.from(Instant.parse("2026-10-01T09:00:00Z")));
		QuestionnaireResponse later = Responses.phq9(subject, 1, 1, 1, 1, 1, 1, 0, 0, 0)
				.setAuthored(Date.from(Instant.parse("2026-11-01T09:00:00Z")));
		client.create().resource(later).execute();
		client.create().resource(earlier).execute();
		client.create().resource(Responses.ahcHrsn(subject, "LA31995-6", List.of("LA9-3"), "LA28397-0", "LA28398-8",
				"LA32-8", "LA32-8", 1, 1, 1, 1)).execute();

		List<Observation> latest = search(Observation.class,
				"Observation?subject=" + subject.getReference() + "&code=" + PHQ9_TOTAL + "&_sort=-date&_count=1");
		assertThat(latest).singleElement().satisfies(score -> assertThat(score.getValueIntegerType().getValue()).isEqualTo(6));

		List<Condition> housing = search(Condition.class, "Condition?subject=" + subject.getReference()
				+ "&category=http://casebridge.org/fhir/CodeSystem/cb-service-category|housing");
		assertThat(housing).singleElement()
				.satisfies(need -> assertThat(need.getCode().getCodingFirstRep().getCode()).isEqualTo("need-housing-instability"));
	}

	@Test
	void aNewInstrumentIsScoredFromItsQuestionnaireAlone() {
		String url = "http://example.org/fhir/Questionnaire/sleep-" + unique;
		client.create().resource(twoItemInstrument(url, "%resource.item.answer.value.ordinal().aggregate($this + $total, 0)"))
				.execute();

		IIdType id = client.create().resource(twoItemResponse(url)).execute().getId().toUnqualifiedVersionless();

		Observation score = single(derivedObservations(id));
		assertThat(score.getValueIntegerType().getValue()).isEqualTo(5);
		assertThat(score.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("high");
	}

	@Test
	void aResponseIsScoredWithTheQuestionnaireAsItIsNow() {
		String url = "http://example.org/fhir/Questionnaire/edited-" + unique;
		Questionnaire questionnaire = twoItemInstrument(url, "%resource.item.answer.value.ordinal().aggregate($this + $total, 0)");
		IIdType questionnaireId = client.create().resource(questionnaire).execute().getId().toUnqualifiedVersionless();
		client.create().resource(twoItemResponse(url)).execute();

		Extension band = questionnaire.getItem().get(2).getExtensionByUrl(InstrumentScorer.SCORE_BAND);
		((Coding) band.getExtensionByUrl("code").getValue()).setCode("very-high");
		questionnaire.setId(questionnaireId);
		client.update().resource(questionnaire).execute();
		IIdType id = client.create().resource(twoItemResponse(url)).execute().getId().toUnqualifiedVersionless();

		assertThat(single(derivedObservations(id)).getInterpretationFirstRep().getCodingFirstRep().getCode())
				.isEqualTo("very-high");
	}

	@Test
	void aQuestionnaireStoredAfterAResponseToItScoresTheNextResponse() {
		String url = "http://example.org/fhir/Questionnaire/late-" + unique;
		IIdType early = client.create().resource(twoItemResponse(url)).execute().getId().toUnqualifiedVersionless();
		assertThat(derivedObservations(early)).isEmpty();

		client.create().resource(twoItemInstrument(url, "%resource.item.answer.value.ordinal().aggregate($this + $total, 0)"))
				.execute();
		IIdType late = client.create().resource(twoItemResponse(url)).execute().getId().toUnqualifiedVersionless();

		assertThat(derivedObservations(late)).hasSize(1);
	}

	@Test
	void aScoreThatCannotBeComputedRefusesTheResponseAndStoresNothing() {
		String url = "http://example.org/fhir/Questionnaire/broken-" + unique;
		client.create().resource(twoItemInstrument(url, "%resource.item.answer.value.code")).execute();

		assertThatThrownBy(() -> client.create().resource(twoItemResponse(url)).execute())
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("calculatedExpression of item total did not give one number");
		assertThat(search(QuestionnaireResponse.class, "QuestionnaireResponse?subject=" + subject.getReference())).isEmpty();
	}

	static Stream<Arguments> responsesNotToBeScored() {
		return Stream.of(
				Arguments.of("names no Questionnaire", (UnaryOperator<QuestionnaireResponse>) response -> response.setQuestionnaire(null),
						"The response names no Questionnaire"),
				Arguments.of("is about no client", (UnaryOperator<QuestionnaireResponse>) response -> response.setSubject(null),
						"Only responses about a client"));
	}

	@ParameterizedTest(name = "a completed response that {0} is stored with nothing derived")
	@MethodSource("responsesNotToBeScored")
	void aCompletedResponseThatCannotBeScoredForAClientIsStoredWithNothingDerived(String name,
			UnaryOperator<QuestionnaireResponse> change, String whyNotExtracted) {
		QuestionnaireResponse response = change.apply(Responses.phq9(subject, 3, 3, 3, 3, 3, 3, 3, 3, 3));
		response.getMeta().getProfile().clear();
		IIdType id = client.create().resource(response).execute().getId().toUnqualifiedVersionless();

		assertThat(derivedObservations(id)).isEmpty();
		assertThatThrownBy(() -> extract(id))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining(whyNotExtracted);
	}

	@Test
	void theCapabilityStatementListsExtractWithTheDefinitionOurPackageStores() {
		OperationDefinition definition = assertOperationDefinedByOurPackage("QuestionnaireResponse", "extract");
		assertThat(definition.getBase()).isEqualTo("http://hl7.org/fhir/uv/sdc/OperationDefinition/QuestionnaireResponse-extract");
	}

	/** Two questions weighted 2 and 3 and a calculated total with one band ("high", 4 and up). */
	private static Questionnaire twoItemInstrument(String url, String totalExpression) {
		Questionnaire questionnaire = new Questionnaire().setUrl(url).setStatus(PublicationStatus.ACTIVE);
		for (String question : List.of("q1", "q2")) {
			QuestionnaireItemComponent item = questionnaire.addItem().setLinkId(question).setText(question).setType(QuestionnaireItemType.CHOICE);
			Coding yes = new Coding("http://example.org/answers", "yes", "Yes");
			yes.addExtension("http://hl7.org/fhir/StructureDefinition/ordinalValue", new DecimalType(question.equals("q1") ? 2 : 3));
			item.addAnswerOption().setValue(yes);
		}
		QuestionnaireItemComponent total = questionnaire.addItem().setLinkId("total").setText("Total").setType(QuestionnaireItemType.INTEGER)
				.setReadOnly(true);
		total.addCode(new Coding("http://example.org/scores", "total", "Total"));
		total.addExtension(InstrumentScorer.CALCULATED_EXPRESSION, new Expression().setLanguage("text/fhirpath").setExpression(totalExpression));
		Extension band = total.addExtension().setUrl(InstrumentScorer.SCORE_BAND);
		band.addExtension("code", new Coding("http://example.org/bands", "high", "High"));
		band.addExtension("low", new IntegerType(4));
		return questionnaire;
	}

	private QuestionnaireResponse twoItemResponse(String questionnaireUrl) {
		QuestionnaireResponse response = new QuestionnaireResponse().setQuestionnaire(questionnaireUrl)
				.setStatus(QuestionnaireResponseStatus.COMPLETED).setSubject(subject).setAuthored(new Date());
		for (String question : List.of("q1", "q2")) {
			response.addItem().setLinkId(question).addAnswer().setValue(new Coding("http://example.org/answers", "yes", "Yes"));
		}
		return response;
	}

	private Bundle extract(IIdType response) {
		return client.operation().onInstance(response).named("$extract").withNoParameters(Parameters.class)
				.returnResourceType(Bundle.class).useHttpGet().execute();
	}

	private List<Observation> derivedObservations(IIdType response) {
		return search(Observation.class, "Observation?derived-from=" + response.getValue());
	}

	private List<String> needCodes(IIdType response) {
		return search(Condition.class, "Condition?evidence-detail=" + response.getValue()).stream()
				.map(need -> need.getCode().getCodingFirstRep().getCode())
				.toList();
	}

	private <T extends Resource> List<T> search(Class<T> type, String url) {
		Bundle bundle = client.search().byUrl(url).returnBundle(Bundle.class).execute();
		return bundle.getEntry().stream().map(entry -> type.cast(entry.getResource())).toList();
	}

	private static <T> T single(List<T> resources) {
		assertThat(resources).hasSize(1);
		return resources.get(0);
	}
}

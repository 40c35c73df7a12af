package org.casebridge.assessment;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/**
 * The resources an assessment derives from its response: a score Observation (profile cb-score)
 * per score and extracted answer, a need Condition (profile cb-need) per need. Each carries an
 * identifier that names its response and what it records, so that re-extracting a response finds
 * and replaces what the last extraction stored instead of adding to it.
 */
final class DerivedResources {

	/** Identifier system of derived resources; the value is {@code <response id>/<key>}. */
	static final String EXTRACTED_FROM = "http://casebridge.org/fhir/sid/extracted-from";

	private static final String SCORE_PROFILE = "http://casebridge.org/fhir/StructureDefinition/cb-score";
	private static final String NEED_PROFILE = "http://casebridge.org/fhir/StructureDefinition/cb-need";
	private static final Coding SURVEY =
			new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey");
	private static final Coding HEALTH_CONCERN =
			new Coding("http://hl7.org/fhir/us/core/CodeSystem/condition-category", "health-concern", "Health Concern");
	private static final Coding ACTIVE =
			new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active");
	private static final Coding PROVISIONAL =
			new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "provisional", "Provisional");

	private DerivedResources() {}

	static List<Resource> of(QuestionnaireResponse response, Assessment assessment) {
		Reference evidence = new Reference(response.getIdElement().toUnqualifiedVersionless());
		// Not "now": extracting the same response twice must give the same resources.
		Date effective = response.hasAuthored() ? response.getAuthored() : response.getMeta().getLastUpdated();
		Observation.ObservationStatus status = response.getStatus() == QuestionnaireResponseStatus.AMENDED
				? Observation.ObservationStatus.AMENDED
				: Observation.ObservationStatus.FINAL;
		List<Resource> derived = new ArrayList<>();
		for (Assessment.ItemObservation item : assessment.observations()) {
			Type value = observationValue(item.value());
			if (value == null) {
				continue;
			}
			Observation observation = new Observation()
					.setStatus(status)
					.addCategory(concept(SURVEY))
					.setCode(code(item))
					.setSubject(response.getSubject().copy())
					.setEncounter(response.getEncounter().copy())
					.setEffective(new DateTimeType(effective))
					.setValue(value)
					.addDerivedFrom(evidence.copy());
			if (item.interpretation() != null) {
				observation.addInterpretation(concept(item.interpretation()));
			}
			observation.addIdentifier(identifier(response, item.key()));
			observation.getMeta().addProfile(SCORE_PROFILE);
			derived.add(observation);
		}
		for (Assessment.Need need : assessment.needs()) {
			Condition condition = new Condition()
					.setClinicalStatus(concept(ACTIVE))
					.setVerificationStatus(concept(PROVISIONAL))
					.addCategory(concept(need.category()))
					.addCategory(concept(HEALTH_CONCERN))
					.setCode(concept(need.code()))
					.setSubject(response.getSubject().copy())
					.setEncounter(response.getEncounter().copy())
					.setRecordedDate(effective);
			condition.addEvidence().addDetail(evidence.copy());
			condition.addIdentifier(identifier(response, need.code().getCode()));
			condition.getMeta().addProfile(NEED_PROFILE);
			derived.add(condition);
		}
		return derived;
	}

	/** The key a derived resource was stored under, from its {@link #EXTRACTED_FROM} identifier. */
	static String identifierValue(Resource resource) {
		List<Identifier> identifiers = resource instanceof Observation observation ? observation.getIdentifier()
				: ((Condition) resource).getIdentifier();
		return identifiers.stream()
				.filter(identifier -> EXTRACTED_FROM.equals(identifier.getSystem()))
				.map(Identifier::getValue)
				.findFirst()
				.orElse(null);
	}

	private static Identifier identifier(QuestionnaireResponse response, String key) {
		return new Identifier().setSystem(EXTRACTED_FROM).setValue(response.getIdElement().getIdPart() + "/" + key);
	}

	private static CodeableConcept code(Assessment.ItemObservation item) {
		CodeableConcept code = new CodeableConcept().setText(item.item().getText());
		item.item().getCode().forEach(coding -> code.addCoding(coding.copy()));
		return code;
	}

	/**
	 * A concept of a copy of the coding: codings come from shared constants and from the cached
	 * Questionnaire, and each stored resource must own its elements.
	 */
	private static CodeableConcept concept(Coding coding) {
		return new CodeableConcept(coding.copy());
	}

	/**
	 * Observation.value[x] for an answer: a Coding becomes a CodeableConcept, a decimal a Quantity,
	 * a date a dateTime, a uri a string; an attachment or a reference, which an Observation cannot
	 * hold as its value, gives none.
	 */
	static Type observationValue(Type answer) {
		if (answer instanceof Coding coding) {
			return new CodeableConcept(coding);
		}
		if (answer instanceof DecimalType decimal) {
			return new Quantity().setValue(decimal.getValue());
		}
		if (answer instanceof DateType date) {
			return new DateTimeType(date.getValueAsString());
		}
		if (answer instanceof UriType uri) {
			return new StringType(uri.getValue());
		}
		if (answer instanceof Attachment || answer instanceof Reference) {
			return null;
		}
		return answer;
	}
}

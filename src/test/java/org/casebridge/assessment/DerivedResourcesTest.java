package org.casebridge.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.junit.jupiter.api.Test;

/** Every answer type a Questionnaire can mark for extraction, as an Observation value (or none). */
class DerivedResourcesTest {

	@Test
	void answersBecomeTheObservationValueTheyMean() {
		assertThat(DerivedResources.observationValue(new Coding("http://loinc.org", "LA33-6", "Yes")))
				.isInstanceOfSatisfying(CodeableConcept.class, concept -> assertThat(concept.getCodingFirstRep().getCode()).isEqualTo("LA33-6"));
		assertThat(DerivedResources.observationValue(new DecimalType("2.5")))
				.isInstanceOfSatisfying(Quantity.class, quantity -> assertThat(quantity.getValue()).isEqualByComparingTo("2.5"));
		assertThat(DerivedResources.observationValue(new DateType("2026-11-03")))
				.isInstanceOfSatisfying(DateTimeType.class, date -> assertThat(date.getValueAsString()).isEqualTo("2026-11-03"));
		assertThat(DerivedResources.observationValue(new UriType("http://example.org/a")))
				.isInstanceOfSatisfying(StringType.class, text -> assertThat(text.getValue()).isEqualTo("http://example.org/a"));
		assertThat(DerivedResources.observationValue(new IntegerType(7)))
				.isInstanceOfSatisfying(IntegerType.class, number -> assertThat(number.getValue()).isEqualTo(7));
	}

	@Test
	void attachmentsAndReferencesAreNotObservationValues() {
		assertThat(DerivedResources.observationValue(new Attachment().setUrl("http://example.org/scan.pdf"))).isNull();
		assertThat(DerivedResources.observationValue(new Reference("Patient/1"))).isNull();
	}
}

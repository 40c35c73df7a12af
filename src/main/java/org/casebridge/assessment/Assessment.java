package org.casebridge.assessment;

import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Type;

/** What a scored response says: the values to record as Observations, and the needs it identifies. */
public record Assessment(List<ItemObservation> observations, List<Need> needs) {

	/**
	 * A score or an extracted answer. {@code key} names it within its response (the item's linkId,
	 * {@code linkId/n} for the n-th further answer); {@code interpretation} is a score's band.
	 */
	public record ItemObservation(String key, QuestionnaireItemComponent item, Type value, Coding interpretation) {}

	/** A need: what it is, and the service category it falls in. */
	public record Need(Coding code, Coding category) {}
}

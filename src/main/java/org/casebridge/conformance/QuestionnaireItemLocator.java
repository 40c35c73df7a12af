package org.casebridge.conformance;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * Finds the item a validation message points at inside a QuestionnaireResponse, so that the
 * OperationOutcome can name its linkId: the validator locates an answer as
 * {@code QuestionnaireResponse.item[0].item[2].answer[0]}, while a case manager's app knows the
 * question by its linkId.
 */
final class QuestionnaireItemLocator {

	private static final Pattern STEP = Pattern.compile("\\.(item|answer)\\[(\\d+)]");

	private QuestionnaireItemLocator() {}

	/** The linkId of the innermost item on the location path, or null when it names none. */
	static String linkIdAt(QuestionnaireResponse response, String location) {
		if (location == null || !location.startsWith("QuestionnaireResponse.")) {
			return null;
		}
		List<QuestionnaireResponseItemComponent> items = response.getItem();
		QuestionnaireResponseItemComponent item = null;
		Matcher step = STEP.matcher(location);
		while (step.find()) {
			int index = Integer.parseInt(step.group(2));
			if (step.group(1).equals("item")) {
				if (index >= items.size()) {
					break;
				}
				item = items.get(index);
				items = item.getItem();
			} else {
				if (item == null || index >= item.getAnswer().size()) {
					break;
				}
				QuestionnaireResponseItemAnswerComponent answer = item.getAnswer().get(index);
				items = answer.getItem();
			}
		}
		return item == null ? null : item.getLinkId();
	}
}

package org.casebridge.assessment;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Resource;

/**
 * One scoring of one response: what its FHIRPath expressions can see. The weight of each answer
 * Coding is looked up once, from the answerOption of its own item (the same code weighs
 * differently in different items: "No" scores 1 on DAST-10 question 3 and 0 on the others).
 */
final class Scoring {

	private static final Set<String> WEIGHT_EXTENSIONS = Set.of(
			"http://hl7.org/fhir/StructureDefinition/ordinalValue",
			"http://hl7.org/fhir/StructureDefinition/itemWeight");

	private final QuestionnaireResponse response;
	private final Function<String, Resource> resolver;
	private final Map<Coding, BigDecimal> weights = new IdentityHashMap<>();

	Scoring(Questionnaire questionnaire, QuestionnaireResponse response, Function<String, Resource> resolver) {
		this.response = response;
		this.resolver = resolver;
		weigh(questionnaire.getItem(), response.getItem());
	}

	/** The response being scored (a copy, into which the scores are filled). */
	QuestionnaireResponse response() {
		return response;
	}

	/** Reads a referenced resource, for FHIRPath resolve(); null when it cannot be read. */
	Resource resolve(String reference) {
		return resolver.apply(reference);
	}

	/** SDC ordinal(): the weight of an answer Coding, or null when its answerOption has none. */
	BigDecimal weightOf(Coding answer) {
		return weights.get(answer);
	}

	private void weigh(List<QuestionnaireItemComponent> definitions, List<QuestionnaireResponseItemComponent> answered) {
		for (QuestionnaireResponseItemComponent item : answered) {
			definitions.stream()
					.filter(definition -> definition.getLinkId().equals(item.getLinkId()))
					.findFirst()
					.ifPresent(definition -> {
						for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
							if (answer.getValue() instanceof Coding coding) {
								weightInOptions(definition, coding).ifPresent(weight -> weights.put(coding, weight));
							}
							weigh(definition.getItem(), answer.getItem());
						}
						weigh(definition.getItem(), item.getItem());
					});
		}
	}

	private static Optional<BigDecimal> weightInOptions(QuestionnaireItemComponent definition, Coding answer) {
		return definition.getAnswerOption().stream()
				.filter(QuestionnaireItemAnswerOptionComponent::hasValueCoding)
				.map(QuestionnaireItemAnswerOptionComponent::getValueCoding)
				.filter(option -> option.getCode().equals(answer.getCode())
						&& (!option.hasSystem() || option.getSystem().equals(answer.getSystem())))
				.flatMap(option -> option.getExtension().stream())
				.filter(extension -> WEIGHT_EXTENSIONS.contains(extension.getUrl()))
				.map(Extension::getValue)
				.map(value -> new BigDecimal(value.primitiveValue()))
				.findFirst();
	}
}

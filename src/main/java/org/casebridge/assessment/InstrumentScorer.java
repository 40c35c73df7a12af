package org.casebridge.assessment;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.casebridge.conformance.ConformanceResources;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;

/**
 * The one scoring engine: it reads every instrument's scoring from its Questionnaire, so adding
 * an instrument is adding a Questionnaire.
 *
 * <ul>
 *   <li>Scores: SDC {@code calculatedExpression} (FHIRPath, SDC "Expressions") on an item,
 *       evaluated with the FHIRPath engine HAPI ships. SDC's {@code ordinal()} gives an answer's
 *       weight: the {@code ordinalValue} (or {@code itemWeight}) of its answerOption. Scores are
 *       computed in item order and filled into a copy of the response, so later expressions and
 *       the need rules see them.
 *   <li>Bands: the CaseBridge extension {@code cb-score-band} on a score item; the first band
 *       whose range (and condition, if any) matches gives the score's interpretation.
 *   <li>Needs: the CaseBridge extension {@code cb-need-rule} on the Questionnaire.
 *   <li>Answers of items marked with SDC {@code observationExtract} are extracted as they are.
 * </ul>
 */
@Component
public class InstrumentScorer {

	static final String CALCULATED_EXPRESSION =
			"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
	static final String OBSERVATION_EXTRACT =
			"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract";
	static final String SCORE_BAND = "http://casebridge.org/fhir/StructureDefinition/cb-score-band";
	static final String NEED_RULE = "http://casebridge.org/fhir/StructureDefinition/cb-need-rule";

	private final FHIRPathEngine fhirPath;
	private final Map<String, ExpressionNode> parsedExpressions = new ConcurrentHashMap<>();

	public InstrumentScorer(ConformanceResources conformanceResources) {
		this.fhirPath = conformanceResources.fhirPathEngine(new ScoringFunctions());
	}

	/**
	 * Scores a response to a Questionnaire. {@code resolver} reads the resources an expression
	 * {@code resolve()}s (the response's subject, for a sex-specific threshold).
	 */
	public Assessment score(Questionnaire questionnaire, QuestionnaireResponse response, Function<String, Resource> resolver) {
		QuestionnaireResponse scored = response.copy();
		Scoring scoring = new Scoring(questionnaire, scored, resolver);
		List<Assessment.ItemObservation> observations = new ArrayList<>();
		scoreItems(scoring, questionnaire.getItem(), scored.getItem(), observations);
		List<Assessment.Need> needs = new ArrayList<>();
		for (Extension rule : questionnaire.getExtensionsByUrl(NEED_RULE)) {
			if (isTrue(scoring, expression(rule, "condition"), "cb-need-rule of " + questionnaire.getUrl())) {
				needs.add(new Assessment.Need(coding(rule, "code"), coding(rule, "category")));
			}
		}
		return new Assessment(observations, needs);
	}

	private void scoreItems(Scoring scoring, List<QuestionnaireItemComponent> definitions,
			List<QuestionnaireResponseItemComponent> answered, List<Assessment.ItemObservation> observations) {
		for (QuestionnaireItemComponent definition : definitions) {
			List<QuestionnaireResponseItemComponent> matching = answered.stream()
					.filter(item -> definition.getLinkId().equals(item.getLinkId()))
					.toList();
			Extension calculation = definition.getExtensionByUrl(CALCULATED_EXPRESSION);
			if (calculation != null) {
				QuestionnaireResponseItemComponent item = matching.isEmpty() ? addItem(answered, definition) : matching.get(0);
				calculate(scoring, definition, (Expression) calculation.getValue(), item).ifPresent(observations::add);
				continue;
			}
			if (isMarkedForExtraction(definition)) {
				matching.forEach(item -> extractAnswers(definition, item, observations));
			}
			if (matching.isEmpty() && containsCalculation(definition)) {
				matching = List.of(addItem(answered, definition));
			}
			for (QuestionnaireResponseItemComponent item : matching) {
				scoreItems(scoring, definition.getItem(), item.getItem(), observations);
			}
		}
	}

	private Optional<Assessment.ItemObservation> calculate(Scoring scoring, QuestionnaireItemComponent definition,
			Expression expression, QuestionnaireResponseItemComponent item) {
		String where = "calculatedExpression of item " + definition.getLinkId();
		List<Base> result = evaluate(scoring, expression.getExpression(), where);
		item.getAnswer().clear();
		if (result.isEmpty()) {
			return Optional.empty();
		}
		if (result.size() > 1 || !(result.get(0) instanceof IntegerType || result.get(0) instanceof DecimalType)) {
			throw questionnaireDefect(where + " did not give one number: " + result);
		}
		BigDecimal number = new BigDecimal(result.get(0).primitiveValue());
		Type value = number.stripTrailingZeros().scale() <= 0 ? new IntegerType(number.intValueExact()) : new DecimalType(number);
		item.addAnswer().setValue(value);
		return Optional.of(new Assessment.ItemObservation(definition.getLinkId(), definition, value, band(scoring, definition, number)));
	}

	private Coding band(Scoring scoring, QuestionnaireItemComponent definition, BigDecimal score) {
		for (Extension band : definition.getExtensionsByUrl(SCORE_BAND)) {
			Extension low = band.getExtensionByUrl("low");
			Extension high = band.getExtensionByUrl("high");
			boolean inRange = (low == null || score.compareTo(new BigDecimal(low.getValue().primitiveValue())) >= 0)
					&& (high == null || score.compareTo(new BigDecimal(high.getValue().primitiveValue())) <= 0);
			Expression condition = band.hasExtension("condition") ? expression(band, "condition") : null;
			if (inRange && (condition == null || isTrue(scoring, condition, "cb-score-band of item " + definition.getLinkId()))) {
				return coding(band, "code");
			}
		}
		return null;
	}

	/** SDC observation-based extraction: one Observation per answer; the first keeps the linkId as its key. */
	private static void extractAnswers(QuestionnaireItemComponent definition, QuestionnaireResponseItemComponent item,
			List<Assessment.ItemObservation> observations) {
		for (int i = 0; i < item.getAnswer().size(); i++) {
			String key = i == 0 ? definition.getLinkId() : definition.getLinkId() + "/" + i;
			observations.add(new Assessment.ItemObservation(key, definition, item.getAnswer().get(i).getValue(), null));
		}
	}

	private boolean isTrue(Scoring scoring, Expression expression, String where) {
		List<Base> result = evaluate(scoring, expression.getExpression(), where);
		return result.size() == 1 && result.get(0) instanceof BooleanType bool && bool.booleanValue();
	}

	private List<Base> evaluate(Scoring scoring, String expression, String where) {
		try {
			ExpressionNode parsed = parsedExpressions.computeIfAbsent(expression, fhirPath::parse);
			return fhirPath.evaluate(scoring, scoring.response(), scoring.response(), scoring.response(), parsed);
		} catch (FHIRException e) {
			throw questionnaireDefect(where + " (" + expression + ") failed: " + e.getMessage());
		}
	}

	private static UnprocessableEntityException questionnaireDefect(String message) {
		return new UnprocessableEntityException("Cannot score against this Questionnaire: " + message);
	}

	private static QuestionnaireResponseItemComponent addItem(List<QuestionnaireResponseItemComponent> items,
			QuestionnaireItemComponent definition) {
		QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(definition.getLinkId());
		items.add(item);
		return item;
	}

	private static boolean containsCalculation(QuestionnaireItemComponent definition) {
		return definition.getItem().stream()
				.anyMatch(child -> child.hasExtension(CALCULATED_EXPRESSION) || containsCalculation(child));
	}

	private static boolean isMarkedForExtraction(QuestionnaireItemComponent definition) {
		Extension marker = definition.getExtensionByUrl(OBSERVATION_EXTRACT);
		return marker != null && marker.getValue() instanceof BooleanType bool && bool.booleanValue();
	}

	private static Expression expression(Extension complex, String part) {
		return (Expression) complex.getExtensionByUrl(part).getValue();
	}

	private static Coding coding(Extension complex, String part) {
		return (Coding) complex.getExtensionByUrl(part).getValue();
	}
}

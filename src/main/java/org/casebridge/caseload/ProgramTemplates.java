package org.casebridge.caseload;

import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebridge.conformance.ConformancePackage;
import org.casebridge.conformance.TemplateTiming;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What each program's template (the package's PlanDefinitions, by their {@code useContext}
 * program) says about monitoring: the instruments it repeats and how often (actions defined by a
 * Questionnaire with a repeating timing), and how often the case manager checks in (the shortest
 * repeating action that is neither an assessment nor coded as a referral or case task).
 */
@Component
@Profile("!baseline")
class ProgramTemplates {

	record Reassessment(String questionnaire, String title, Period interval) {
		/** The Questionnaire as a reference: the package's Questionnaires keep their canonical's id. */
		String reference() {
			return "Questionnaire/" + questionnaire.substring(questionnaire.lastIndexOf('/') + 1);
		}
	}

	record Template(Coding program, List<Reassessment> reassessments, Optional<Period> checkInInterval) {}

	private static final String CONTACT_MODE = "http://casebridge.org/fhir/CodeSystem/cb-contact-mode";

	private final Map<String, Template> byProgram;

	ProgramTemplates(ConformancePackage conformancePackage) {
		this.byProgram = conformancePackage.resources().stream()
				.filter(PlanDefinition.class::isInstance).map(PlanDefinition.class::cast)
				.flatMap(template -> program(template).map(program -> template(program, template)).stream())
				.collect(Collectors.toUnmodifiableMap(template -> template.program().getCode(), Function.identity()));
	}

	Optional<Template> of(String program) {
		return Optional.ofNullable(program).map(byProgram::get);
	}

	boolean isProgram(String code) {
		return byProgram.containsKey(code);
	}

	private static Optional<Coding> program(PlanDefinition template) {
		return template.getUseContext().stream()
				.filter(context -> context.hasValueCodeableConcept())
				.flatMap(context -> CaseloadFacts.coding(List.of(context.getValueCodeableConcept()), CaseloadFacts.PROGRAM).stream())
				.findFirst();
	}

	private static Template template(Coding program, PlanDefinition template) {
		List<PlanDefinitionActionComponent> repeating = template.getAction().stream()
				.filter(action -> action.hasTimingTiming() && action.getTimingTiming().hasRepeat())
				.toList();
		List<Reassessment> reassessments = repeating.stream()
				.filter(PlanDefinitionActionComponent::hasDefinitionCanonicalType)
				.map(action -> new Reassessment(action.getDefinitionCanonicalType().getValue(), action.getTitle(), interval(action)))
				.toList();
		Optional<Period> checkIn = repeating.stream()
				.filter(action -> !action.hasDefinitionCanonicalType() && isCheckIn(action))
				.map(ProgramTemplates::interval)
				.min(Comparator.comparing(ProgramTemplates::days));
		return new Template(program, reassessments, checkIn);
	}

	private static boolean isCheckIn(PlanDefinitionActionComponent action) {
		return !action.hasCode() || CaseloadFacts.coding(action.getCode(), CONTACT_MODE).isPresent();
	}

	private static Period interval(PlanDefinitionActionComponent action) {
		return TemplateTiming.interval(action.getTimingTiming().getRepeat());
	}

	private static long days(Period period) {
		return period.toTotalMonths() * 30 + period.getDays();
	}
}

package org.casebridge.careplan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** Clients, their assessments and {@code $apply} as a case manager's app calls it. */
abstract class PlanTestBase extends FhirServerTestBase {

	protected static final String SERVICE_CATEGORY = "http://casebridge.org/fhir/CodeSystem/cb-service-category";
	protected final LocalDate today = LocalDate.now();
	private Reference caseManager;

	/** The case manager of this test, created on first use. */
	protected Reference caseManager() {
		if (caseManager == null) {
			caseManager = newPractitioner();
		}
		return caseManager;
	}

	/** Stores a completed response as answered on {@code authored}; the server scores and extracts it. */
	protected void answered(QuestionnaireResponse response, LocalDate authored) {
		response.setAuthored(date(authored));
		client.create().resource(response).execute();
	}

	protected CarePlan apply(String template, Reference subject, Reference practitioner, LocalDate start) {
		return client.operation().onInstance(new IdType("PlanDefinition", template)).named("$apply")
				.withParameters(parameters(subject, practitioner, start))
				.useHttpGet()
				.returnResourceType(CarePlan.class)
				.execute();
	}

	protected Bundle applyAsTransaction(String template, Reference subject, Reference practitioner, LocalDate start) {
		Parameters parameters = parameters(subject, practitioner, start);
		parameters.addParameter("resultForm", new CodeType("transaction"));
		return client.operation().onInstance(new IdType("PlanDefinition", template)).named("$apply")
				.withParameters(parameters)
				.returnResourceType(Bundle.class)
				.execute();
	}

	private static Parameters parameters(Reference subject, Reference practitioner, LocalDate start) {
		Parameters parameters = new Parameters();
		parameters.addParameter("subject", new StringType(subject.getReference()));
		if (practitioner != null) {
			parameters.addParameter("practitioner", new StringType(practitioner.getReference()));
		}
		parameters.addParameter("start", new DateType(start.toString()));
		return parameters;
	}

	/** The template as the server holds it: the package, the source of truth for what it proposes. */
	protected PlanDefinition template(String id) {
		return client.read().resource(PlanDefinition.class).withId(id).execute();
	}

	/** Actions that apply whatever the client's record holds: no applicability condition. */
	protected static Set<String> unconditional(PlanDefinition template) {
		return template.getAction().stream()
				.filter(action -> !action.hasCondition())
				.map(PlanDefinitionActionComponent::getId)
				.collect(Collectors.toSet());
	}

	/** Assessments, proposed when the client has no recent response. */
	protected static Set<String> assessments(PlanDefinition template) {
		return template.getAction().stream()
				.filter(PlanDefinitionActionComponent::hasDefinitionCanonicalType)
				.map(PlanDefinitionActionComponent::getId)
				.collect(Collectors.toSet());
	}

	/** The template's referrals for needs in a service category (those conditioned on such a need). */
	protected static Set<String> needReferrals(PlanDefinition template, String category) {
		return template.getAction().stream()
				.filter(action -> action.getCondition().stream()
						.anyMatch(condition -> condition.getExpression().getExpression().startsWith("%needs")))
				.filter(action -> action.getCode().stream().flatMap(code -> code.getCoding().stream())
						.anyMatch(coding -> SERVICE_CATEGORY.equals(coding.getSystem()) && category.equals(coding.getCode())))
				.map(PlanDefinitionActionComponent::getId)
				.collect(Collectors.toSet());
	}

	protected static Set<String> activityIds(CarePlan plan) {
		return plan.getActivity().stream().map(CarePlanActivityComponent::getId).collect(Collectors.toSet());
	}

	protected static CarePlanActivityComponent activity(CarePlan plan, String actionId) {
		return plan.getActivity().stream().filter(activity -> actionId.equals(activity.getId())).findFirst()
				.orElseThrow(() -> new AssertionError("no activity " + actionId + " in " + activityIds(plan)));
	}

	/** A contained resource of the plan by the reference an activity or goal list holds ({@code #id}). */
	protected static <T> T contained(CarePlan plan, Reference reference, Class<T> type) {
		String id = reference.getReference().substring(1);
		return plan.getContained().stream()
				.filter(resource -> id.equals(resource.getIdElement().getValue().replace("#", "")))
				.map(type::cast)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no contained " + reference.getReference()));
	}

	protected static List<String> dates(LocalDate start, int... days) {
		return Arrays.stream(days).mapToObj(day -> start.plusDays(day).toString()).toList();
	}

}

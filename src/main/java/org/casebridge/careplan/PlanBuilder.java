package org.casebridge.careplan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityDetailComponent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionGoalComponent;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionGoalTargetComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Timing;

/**
 * Builds one client's plan from a template and the actions that apply to them (Clinical Reasoning
 * R4 {@code $apply}, "Applying a PlanDefinition"): the CarePlan, a Goal per goal of the template
 * with its due date, and per action a referral, a Task or a planned check-in (see
 * {@link ActionKind}). Goals whose every action was left out are left out too. Each resource gets
 * an identifier that names this application, so storing the plan twice finds what was stored.
 */
final class PlanBuilder {

	static final String APPLICATION_IDENTIFIER = "http://casebridge.org/fhir/sid/plan-application";
	static final String PERTAINS_TO_GOAL = "http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal";
	private static final String PROFILES = "http://casebridge.org/fhir/StructureDefinition/";
	private static final String PROGRAM_SYSTEM = "http://casebridge.org/fhir/CodeSystem/cb-program";
	private static final String SERVICE_CATEGORY = "http://casebridge.org/fhir/CodeSystem/cb-service-category";
	private static final Coding CASE_MANAGER =
			new Coding("http://casebridge.org/fhir/CodeSystem/cb-care-team-role", "case-manager", "Case manager");
	private static final Coding COMPLETE_QUESTIONNAIRE = new Coding(
			"http://casebridge.org/fhir/CodeSystem/cb-case-task", "complete-questionnaire", "Complete a questionnaire");
	private static final Coding IN_PROGRESS =
			new Coding("http://terminology.hl7.org/CodeSystem/goal-achievement", "in-progress", "In Progress");

	private final PlanRequest request;
	private final List<PlanDefinitionActionComponent> applied;
	private final List<Condition> needs;
	private final Function<String, Reference> questionnaires;
	private final String key;
	private final Date authored = new Date();
	private final AppliedPlan.Builder plan = new AppliedPlan.Builder();
	private final Map<String, Reference> goals = new LinkedHashMap<>();

	/**
	 * @param questionnaires the stored Questionnaire for an action's {@code definitionCanonical}
	 */
	PlanBuilder(PlanRequest request, List<PlanDefinitionActionComponent> applied, List<Condition> needs,
			Function<String, Reference> questionnaires) {
		this.request = request;
		this.applied = applied;
		this.needs = needs;
		this.questionnaires = questionnaires;
		this.key = applicationKey(request, applied);
	}

	AppliedPlan build() {
		CarePlan carePlan = carePlan();
		plan.carePlan(carePlan, identifier(""));
		Reference careTeam = request.careTeam()
				.map(PlanBuilder::reference)
				.orElseGet(() -> plan.add(newCareTeam(), "care-team", identifier("care-team")));
		carePlan.addCareTeam(careTeam);
		LocalDate horizon = request.start();
		for (PlanDefinitionGoalComponent goal : pursuedGoals()) {
			Goal built = goal(goal);
			goals.put(goal.getId(), plan.add(built, "goal-" + goal.getId(), identifier("goal/" + goal.getId())));
			carePlan.addGoal(goals.get(goal.getId()));
			for (Goal.GoalTargetComponent target : built.getTarget()) {
				LocalDate due = LocalDate.parse(target.getDueDateType().getValueAsString());
				horizon = due.isAfter(horizon) ? due : horizon;
			}
		}
		for (PlanDefinitionActionComponent action : applied) {
			carePlan.addActivity(activity(action, horizon));
		}
		return plan.replacing(request.replaced()).build();
	}

	private CarePlan carePlan() {
		CarePlan carePlan = new CarePlan()
				.setStatus(CarePlanStatus.ACTIVE)
				.setIntent(CarePlanIntent.PLAN)
				.setTitle(request.template().getTitle())
				.setDescription(request.template().getDescription())
				.setSubject(request.subjectReference())
				.setPeriod(new Period().setStartElement(startTime()))
				.setCreated(authored)
				.setAuthor(request.caseManager().copy());
		carePlan.addInstantiatesCanonical(request.templateCanonical());
		carePlan.addCategory(program());
		request.encounterReference().ifPresent(carePlan::setEncounter);
		request.replaced().ifPresent(old -> carePlan.addReplaces(reference(old)));
		carePlan.getMeta().addProfile(PROFILES + "cb-careplan");
		return carePlan;
	}

	/** The program, from the template's use context of type {@code program}. */
	private CodeableConcept program() {
		return request.template().getUseContext().stream()
				.filter(context -> "program".equals(context.getCode().getCode()) && context.hasValueCodeableConcept())
				.map(context -> context.getValueCodeableConcept())
				.filter(concept -> concept.getCoding().stream().anyMatch(coding -> PROGRAM_SYSTEM.equals(coding.getSystem())))
				.findFirst()
				.map(CodeableConcept::copy)
				.orElseThrow(() -> PlanSchedule.defect("the template names no program: a useContext of type program"
						+ " with a code from " + PROGRAM_SYSTEM));
	}

	private CareTeam newCareTeam() {
		CareTeam team = new CareTeam()
				.setStatus(CareTeam.CareTeamStatus.ACTIVE)
				.setSubject(request.subjectReference())
				.setPeriod(new Period().setStartElement(startTime()));
		team.addParticipant().addRole(new CodeableConcept(CASE_MANAGER.copy())).setMember(request.caseManager().copy());
		request.organization().ifPresent(organization -> team.addManagingOrganization(organization.copy()));
		team.getMeta().addProfile(PROFILES + "cb-care-team");
		return team;
	}

	/** Goals that an applied action works towards, or that no action of the template names. */
	private List<PlanDefinitionGoalComponent> pursuedGoals() {
		Set<String> named = new HashSet<>();
		allActions(request.template().getAction(), named);
		Set<String> worked = applied.stream().flatMap(action -> action.getGoalId().stream())
				.map(IdType::getValue).collect(Collectors.toSet());
		List<PlanDefinitionGoalComponent> pursued = request.template().getGoal().stream()
				.filter(goal -> worked.contains(goal.getId()) || !named.contains(goal.getId()))
				.toList();
		if (pursued.isEmpty()) {
			throw PlanSchedule.defect("no goal of the template applies to this client; a care plan has at least one goal");
		}
		return pursued;
	}

	private static void allActions(List<PlanDefinitionActionComponent> actions, Set<String> goalIds) {
		for (PlanDefinitionActionComponent action : actions) {
			action.getGoalId().forEach(id -> goalIds.add(id.getValue()));
			allActions(action.getAction(), goalIds);
		}
	}

	private Goal goal(PlanDefinitionGoalComponent definition) {
		Goal goal = new Goal()
				.setLifecycleStatus(GoalLifecycleStatus.ACTIVE)
				.setAchievementStatus(new CodeableConcept(IN_PROGRESS.copy()))
				.setDescription(definition.getDescription().copy())
				.setSubject(request.subjectReference())
				.setStart(new DateType(request.start().toString()))
				.setExpressedBy(request.caseManager().copy());
		if (definition.hasPriority()) {
			goal.setPriority(definition.getPriority().copy());
		}
		if (definition.hasCategory()) {
			goal.addCategory(definition.getCategory().copy());
		}
		if (!definition.hasTarget()) {
			throw PlanSchedule.defect("goal " + definition.getId() + " has no target; a goal needs a due date");
		}
		for (PlanDefinitionGoalTargetComponent target : definition.getTarget()) {
			if (!target.hasDue()) {
				throw PlanSchedule.defect("a target of goal " + definition.getId() + " has no due time");
			}
			Goal.GoalTargetComponent built = goal.addTarget()
					.setDue(new DateType(PlanSchedule.after(request.start(), target.getDue()).toString()));
			if (target.hasMeasure()) {
				built.setMeasure(target.getMeasure().copy());
			}
			if (target.hasDetail()) {
				built.setDetail(target.getDetail().copy());
			}
		}
		goal.getMeta().addProfile(PROFILES + "cb-goal");
		return goal;
	}

	private CarePlanActivityComponent activity(PlanDefinitionActionComponent action, LocalDate horizon) {
		// The activity's element id is the action's: what a client (and the caseload) relates it by.
		CarePlanActivityComponent activity = new CarePlanActivityComponent();
		activity.setId(action.getId());
		switch (ActionKind.of(action)) {
			case REFERRAL -> activity.setReference(plan.add(referral(action), action.getId(), identifier("action/" + action.getId())));
			case REASSESSMENT, CASE_TASK -> activity.setReference(
					plan.add(task(action, horizon), action.getId(), identifier("action/" + action.getId())));
			case CHECK_IN -> activity.setDetail(checkIn(action, horizon));
		}
		return activity;
	}

	private ServiceRequest referral(PlanDefinitionActionComponent action) {
		ServiceRequest referral = new ServiceRequest()
				.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT)
				.setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
				.setCode(concept(action))
				.setSubject(request.subjectReference())
				.setAuthoredOn(authored)
				.setRequester(request.caseManager().copy());
		action.getCode().forEach(code -> referral.addCategory(code.copy()));
		request.encounterReference().ifPresent(referral::setEncounter);
		if (action.hasTimingDuration()) {
			referral.setOccurrence(window(action));
		} else if (action.hasTimingTiming()) {
			referral.setOccurrence(action.getTimingTiming().copy());
		}
		List<Condition> addressed = needsIn(categoryOf(action));
		addressed.forEach(need -> referral.addReasonReference(reference(need)));
		action.getReason().forEach(reason -> referral.addReasonCode(reason.copy()));
		if (!referral.hasReasonReference() && !referral.hasReasonCode()) {
			String why = request.template().hasPurpose() ? request.template().getPurpose() : request.template().getTitle();
			referral.addReasonCode().setText(why);
		}
		addressed.forEach(need -> addAddressed(need));
		if (action.hasDescription()) {
			referral.addNote().setText(action.getDescription());
		}
		referral.addBasedOn(plan.carePlanReference());
		pertainsToGoals(referral, action);
		referral.getMeta().addProfile(PROFILES + "cb-referral");
		return referral;
	}

	private Task task(PlanDefinitionActionComponent action, LocalDate horizon) {
		Task task = new Task()
				.setStatus(Task.TaskStatus.REQUESTED)
				.setIntent(Task.TaskIntent.ORDER)
				.setFor(request.subjectReference())
				.setAuthoredOn(authored)
				.setRequester(request.caseManager().copy())
				.setOwner(request.caseManager().copy())
				.setDescription(action.getTitle());
		request.encounterReference().ifPresent(task::setEncounter);
		LocalDate due = request.start();
		if (action.hasTimingDuration()) {
			due = PlanSchedule.after(request.start(), action.getTimingDuration());
		} else if (action.hasTimingTiming()) {
			// A repeating assessment is due at once, since the client has no recent response, and
			// then once per interval: the Task says how often within the plan.
			task.getRestriction().setRepetitions(1 + PlanSchedule.occurrences(action.getTimingTiming(), request.start(), horizon).size());
		}
		task.getRestriction().setPeriod(new Period().setStartElement(startTime()).setEndElement(new DateTimeType(due.toString())));
		if (ActionKind.of(action) == ActionKind.REASSESSMENT) {
			task.setCode(new CodeableConcept(COMPLETE_QUESTIONNAIRE.copy()).setText(action.getTitle()));
			task.setFocus(questionnaires.apply(action.getDefinitionCanonicalType().getValue()));
		} else {
			task.setCode(concept(action));
		}
		if (action.hasDescription()) {
			task.addNote().setText(action.getDescription());
		}
		task.addBasedOn(plan.carePlanReference());
		pertainsToGoals(task, action);
		return task;
	}

	private CarePlanActivityDetailComponent checkIn(PlanDefinitionActionComponent action, LocalDate horizon) {
		CarePlanActivityDetailComponent detail = new CarePlanActivityDetailComponent()
				.setStatus(CarePlanActivityStatus.NOTSTARTED)
				.setCode(concept(action))
				.setDescription(action.getDescription())
				.addPerformer(request.caseManager().copy());
		if (action.hasTimingDuration()) {
			detail.setScheduled(window(action));
		} else if (action.hasTimingTiming()) {
			Timing timing = action.getTimingTiming().copy();
			PlanSchedule.occurrences(timing, request.start(), horizon)
					.forEach(date -> timing.addEventElement().setValueAsString(date.toString()));
			detail.setScheduled(timing);
		}
		action.getGoalId().forEach(id -> Optional.ofNullable(goals.get(id.getValue()))
				.ifPresent(goal -> detail.addGoal(goal.copy())));
		return detail;
	}

	/** "Within" a duration: from the start to start + duration. */
	private Period window(PlanDefinitionActionComponent action) {
		return new Period().setStartElement(startTime())
				.setEndElement(new DateTimeType(PlanSchedule.after(request.start(), action.getTimingDuration()).toString()));
	}

	private void pertainsToGoals(DomainResource resource, PlanDefinitionActionComponent action) {
		action.getGoalId().forEach(id -> Optional.ofNullable(goals.get(id.getValue()))
				.ifPresent(goal -> resource.addExtension(PERTAINS_TO_GOAL, goal.copy())));
	}

	private static CodeableConcept concept(PlanDefinitionActionComponent action) {
		CodeableConcept concept = new CodeableConcept().setText(action.getTitle());
		action.getCode().forEach(code -> code.getCoding().forEach(coding -> concept.addCoding(coding.copy())));
		return concept;
	}

	private static Optional<String> categoryOf(PlanDefinitionActionComponent action) {
		return action.getCode().stream().flatMap(code -> code.getCoding().stream())
				.filter(coding -> SERVICE_CATEGORY.equals(coding.getSystem()))
				.map(Coding::getCode)
				.findFirst();
	}

	private List<Condition> needsIn(Optional<String> category) {
		return needs.stream()
				.filter(need -> category.isPresent() && need.getCategory().stream()
						.flatMap(concept -> concept.getCoding().stream())
						.anyMatch(coding -> SERVICE_CATEGORY.equals(coding.getSystem()) && category.get().equals(coding.getCode())))
				.toList();
	}

	private void addAddressed(Condition need) {
		CarePlan carePlan = plan.carePlan();
		String reference = need.getIdElement().toUnqualifiedVersionless().getValue();
		if (carePlan.getAddresses().stream().noneMatch(addressed -> reference.equals(addressed.getReference()))) {
			carePlan.addAddresses(new Reference(reference));
		}
	}

	/** The start as a dateTime of day precision, for periods. */
	private DateTimeType startTime() {
		return new DateTimeType(request.start().toString());
	}

	private static Reference reference(Resource resource) {
		return new Reference(resource.getIdElement().toUnqualifiedVersionless().getValue());
	}

	private Identifier identifier(String part) {
		return new Identifier().setSystem(APPLICATION_IDENTIFIER).setValue(part.isEmpty() ? key : key + "/" + part);
	}

	/**
	 * Names the application by what determines its result: the template version, the client, the
	 * start, the encounter, the case manager, the organization and the actions that apply. The same
	 * request on the same record gives the same key; a changed record gives a new one. Not the care
	 * team: the team a first application creates is the one the next application finds.
	 */
	static String applicationKey(PlanRequest request, List<PlanDefinitionActionComponent> applied) {
		String inputs = String.join("\n",
				request.template().getIdElement().toUnqualified().getValue(),
				request.subjectReference().getReference(),
				request.start().toString(),
				request.encounterReference().map(Reference::getReference).orElse(""),
				request.caseManager().getReference(),
				request.organization().map(Reference::getReference).orElse(""),
				applied.stream().map(PlanDefinitionActionComponent::getId).collect(Collectors.joining(",")));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(inputs.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", e);
		}
	}
}

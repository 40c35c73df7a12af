package org.casebridge.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.casebridge.caseload.CaseloadFact.Kind;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * What the caseload view needs of a resource, read from the resource alone: a Patient's name, a
 * care team's members, a program enrolment, a plan and the needs it addresses, goals, referrals
 * and their Tasks, responses, check-ins and needs. Resources of other types, and resources of
 * these types that are not case-management data (a ServiceRequest that is not a referral, an
 * Encounter that is not a check-in), give no facts.
 */
final class CaseloadFacts {

	static final Set<String> TYPES = Set.of("Patient", "PractitionerRole", "CareTeam", "EpisodeOfCare", "CarePlan",
			"Goal", "Task", "ServiceRequest", "QuestionnaireResponse", "Encounter", "Condition");

	private static final String CB = "http://casebridge.org/fhir/CodeSystem/";
	static final String PROGRAM = CB + "cb-program";
	private static final String SERVICE_CATEGORY = CB + "cb-service-category";
	private static final String CONTACT_MODE = CB + "cb-contact-mode";
	private static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
	private static final int MAX_LABEL = 500;

	private CaseloadFacts() {}

	static List<CaseloadFact> of(IBaseResource resource) {
		if (resource instanceof Patient patient) {
			return List.of(fact(patient, patient.getIdPart(), Kind.CLIENT, null, null, null,
					patient.getName().stream().findFirst().map(HumanName::getNameAsSingleString).orElse(null)));
		}
		if (resource instanceof PractitionerRole role) {
			return reference(role.getPractitioner())
					.map(practitioner -> List.of(fact(role, null, Kind.ROLE, practitioner, null, null, null)))
					.orElse(List.of());
		}
		if (resource instanceof CareTeam team) {
			return careTeam(team);
		}
		if (resource instanceof EpisodeOfCare episode) {
			return episode(episode);
		}
		if (resource instanceof CarePlan plan) {
			return carePlan(plan);
		}
		if (resource instanceof Goal goal) {
			return goal(goal);
		}
		if (resource instanceof Task task) {
			return referralTask(task);
		}
		if (resource instanceof ServiceRequest referral) {
			return referral(referral);
		}
		if (resource instanceof QuestionnaireResponse response) {
			return client(response.getSubject()).filter(client -> response.hasQuestionnaire())
					.map(client -> List.of(fact(response, client, Kind.RESPONSE,
							response.getQuestionnaire().replaceFirst("\\|.*$", ""), code(response.getStatusElement()),
							date(response.getAuthoredElement()), null)))
					.orElse(List.of());
		}
		if (resource instanceof Encounter encounter) {
			return client(encounter.getSubject())
					.filter(client -> coding(encounter.getType(), CONTACT_MODE).isPresent())
					.map(client -> List.of(fact(encounter, client, Kind.CONTACT, null, code(encounter.getStatusElement()),
							date(encounter.getPeriod().getStartElement()), null)))
					.orElse(List.of());
		}
		if (resource instanceof Condition need) {
			return need(need);
		}
		return List.of();
	}

	private static List<CaseloadFact> episode(EpisodeOfCare episode) {
		return client(episode.getPatient()).map(client -> {
			Optional<Coding> program = coding(episode.getType(), PROGRAM);
			return List.of(fact(episode, client, Kind.EPISODE, program.map(Coding::getCode).orElse(null),
					code(episode.getStatusElement()), date(episode.getPeriod().getStartElement()),
					program.map(Coding::getDisplay).orElse(null)));
		}).orElse(List.of());
	}

	private static List<CaseloadFact> goal(Goal goal) {
		LocalDate due = goal.getTarget().stream().filter(target -> target.hasDueDateType())
				.map(target -> date(target.getDueDateType())).min(Comparator.naturalOrder()).orElse(null);
		return client(goal.getSubject()).map(client -> List.of(fact(goal, client, Kind.GOAL,
				goal.getAchievementStatus().getCodingFirstRep().getCode(), code(goal.getLifecycleStatusElement()), due,
				text(goal.getDescription())))).orElse(List.of());
	}

	private static List<CaseloadFact> careTeam(CareTeam team) {
		return client(team.getSubject()).map(client -> team.getParticipant().stream()
				.flatMap(participant -> reference(participant.getMember())
						.filter(member -> member.startsWith("Practitioner/") || member.startsWith("PractitionerRole/"))
						.map(member -> fact(team, client, Kind.MEMBER, member, code(team.getStatusElement()),
								date(participant.getPeriod().getEndElement()), null))
						.stream())
				.toList()).orElse(List.of());
	}

	private static List<CaseloadFact> carePlan(CarePlan plan) {
		return client(plan.getSubject()).map(client -> {
			List<CaseloadFact> facts = new ArrayList<>();
			facts.add(fact(plan, client, Kind.PLAN, coding(plan.getCategory(), PROGRAM).map(Coding::getCode).orElse(null),
					code(plan.getStatusElement()), date(plan.getPeriod().getStartElement()), plan.getTitle()));
			plan.getAddresses().forEach(addressed -> reference(addressed).ifPresent(condition ->
					facts.add(fact(plan, client, Kind.ADDRESSES, condition, code(plan.getStatusElement()), null, null))));
			return facts;
		}).orElse(List.of());
	}

	private static List<CaseloadFact> referralTask(Task task) {
		boolean referral = task.getCode().getCoding().stream()
				.anyMatch(coding -> TASK_CODE.equals(coding.getSystem()) && "fulfill".equals(coding.getCode()));
		if (!referral) {
			return List.of();
		}
		// Since when the Task has its status: the performer's lastModified, else when it was authored.
		LocalDate since = Stream.of(task.getLastModifiedElement(), task.getAuthoredOnElement())
				.filter(BaseDateTimeType::hasValue).findFirst().map(CaseloadFacts::date).orElse(LocalDate.now());
		return client(task.getFor()).map(client -> List.of(fact(task, client, Kind.REFERRAL_TASK,
				reference(task.getFocus()).orElse(null), code(task.getStatusElement()), since, task.getDescription())))
				.orElse(List.of());
	}

	private static List<CaseloadFact> referral(ServiceRequest referral) {
		Optional<Coding> category = coding(referral.getCategory(), SERVICE_CATEGORY);
		if (category.isEmpty()) {
			return List.of();
		}
		return client(referral.getSubject()).map(client -> {
			List<CaseloadFact> facts = new ArrayList<>();
			facts.add(fact(referral, client, Kind.REFERRAL, category.get().getCode(), code(referral.getStatusElement()),
					date(referral.getAuthoredOnElement()), text(referral.getCode())));
			referral.getReplaces().forEach(replaced -> reference(replaced).ifPresent(earlier ->
					facts.add(fact(referral, client, Kind.REPLACES, earlier, null, null, null))));
			return facts;
		}).orElse(List.of());
	}

	private static List<CaseloadFact> need(Condition need) {
		if (coding(need.getCategory(), SERVICE_CATEGORY).isEmpty()) {
			return List.of();
		}
		Coding code = need.getCode().getCodingFirstRep();
		LocalDate recorded = need.hasRecordedDateElement() ? date(need.getRecordedDateElement())
				: need.hasOnsetDateTimeType() ? date(need.getOnsetDateTimeType()) : null;
		return client(need.getSubject()).map(client -> List.of(fact(need, client, Kind.NEED,
				code.getSystem() + "|" + code.getCode(), need.getClinicalStatus().getCodingFirstRep().getCode(),
				recorded, text(need.getCode())))).orElse(List.of());
	}

	private static CaseloadFact fact(Resource resource, String client, Kind kind, String code, String status,
			LocalDate date, String label) {
		return new CaseloadFact(resource.fhirType(), resource.getIdElement().getIdPart(), client, kind, code, status, date,
				label == null || label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…");
	}

	private static Optional<String> client(Reference subject) {
		return reference(subject).filter(reference -> reference.startsWith("Patient/")).map(reference -> reference.substring(8));
	}

	/** The reference as {@code Type/id}, without base or version; none for a contained or logical one. */
	private static Optional<String> reference(Reference reference) {
		if (reference == null || !reference.getReferenceElement().hasIdPart() || !reference.getReferenceElement().hasResourceType()) {
			return Optional.empty();
		}
		return Optional.of(reference.getReferenceElement().toUnqualifiedVersionless().getValue());
	}

	static Optional<Coding> coding(List<CodeableConcept> concepts, String system) {
		return concepts.stream().flatMap(concept -> concept.getCoding().stream())
				.filter(coding -> system.equals(coding.getSystem()) && coding.hasCode()).findFirst();
	}

	private static String text(CodeableConcept concept) {
		return concept.hasText() ? concept.getText() : concept.getCodingFirstRep().getDisplay();
	}

	private static String code(PrimitiveType<?> status) {
		return status.getValueAsString();
	}

	/** The calendar date as written, in the value's own time zone. */
	private static LocalDate date(BaseDateTimeType value) {
		return value == null || !value.hasValue() ? null : LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
	}
}

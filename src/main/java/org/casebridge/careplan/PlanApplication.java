package org.casebridge.careplan;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Applies a template to a client: resolves the {@code $apply} parameters against the server, reads
 * what the conditions need of the client's record, selects the applicable actions and builds the
 * plan. It reads only; storing is the client's transaction.
 */
@Component
class PlanApplication {

	private static final String CASE_MANAGER_ROLE = "http://casebridge.org/fhir/CodeSystem/cb-care-team-role";

	private final DaoRegistry daoRegistry;
	private final ActionApplicability applicability;
	private final CarePlanProperties properties;

	PlanApplication(DaoRegistry daoRegistry, ActionApplicability applicability, CarePlanProperties properties) {
		this.daoRegistry = daoRegistry;
		this.applicability = applicability;
		this.properties = properties;
	}

	/** The parameters of {@code $apply}, as references and a date. */
	record ApplyParameters(String subject, Optional<String> encounter, Optional<String> practitioner,
			Optional<String> organization, Optional<LocalDate> start) {}

	AppliedPlan apply(IdType templateId, ApplyParameters parameters, RequestDetails requestDetails) {
		PlanDefinition template = daoRegistry.getResourceDao(PlanDefinition.class).read(templateId, requestDetails);
		Patient subject = read(Patient.class, "subject", parameters.subject(), requestDetails);
		Optional<Encounter> encounter = parameters.encounter()
				.map(reference -> read(Encounter.class, "encounter", reference, requestDetails));
		encounter.ifPresent(found -> requireSameClient(found, subject));
		Optional<Reference> practitioner = parameters.practitioner()
				.map(reference -> existing(Set.of("Practitioner", "PractitionerRole"), "practitioner", reference, requestDetails));
		Optional<Reference> organization = parameters.organization()
				.map(reference -> existing(Set.of("Organization"), "organization", reference, requestDetails));
		LocalDate start = parameters.start().or(() -> encounter.flatMap(PlanApplication::endOrStart)).orElseGet(LocalDate::now);
		Optional<CareTeam> careTeam = careTeam(subject, practitioner, requestDetails);
		Reference caseManager = practitioner.or(() -> careTeam.flatMap(PlanApplication::caseManagerOf))
				.orElseThrow(() -> new InvalidRequestException("The client has no active care team with a case manager:"
						+ " give the practitioner who will manage the plan"));

		ClientRecord record = new ClientRecord(subject, encounter, start, start.minus(properties.recordLookback()),
				daoRegistry, requestDetails);
		List<PlanDefinitionActionComponent> applied = new ArrayList<>();
		collectApplicable(template.getAction(), record, applied);
		PlanRequest request = new PlanRequest(template, subject, encounter, caseManager, organization, start, careTeam,
				Optional.empty());
		String key = PlanBuilder.applicationKey(request, applied);
		request = new PlanRequest(template, subject, encounter, caseManager, organization, start, careTeam,
				replacedPlan(template, subject, key, requestDetails));
		return new PlanBuilder(request, applied, record.needs(), canonical -> questionnaire(canonical, requestDetails)).build();
	}

	/** Actions that apply; a group's sub-actions are considered when the group applies. */
	private void collectApplicable(List<PlanDefinitionActionComponent> actions, ClientRecord record,
			List<PlanDefinitionActionComponent> applied) {
		for (PlanDefinitionActionComponent action : actions) {
			if (!applicability.applies(action, record)) {
				continue;
			}
			if (action.hasAction()) {
				collectApplicable(action.getAction(), record, applied);
			} else {
				applied.add(action);
			}
		}
	}

	/** The plan starts when the encounter ends (the discharge), or when it started if it has not ended. */
	private static Optional<LocalDate> endOrStart(Encounter encounter) {
		DateTimeType date = encounter.getPeriod().hasEnd() ? encounter.getPeriod().getEndElement()
				: encounter.getPeriod().getStartElement();
		return Optional.ofNullable(date.getValueAsString()).map(value -> LocalDate.parse(value.substring(0, 10)));
	}

	/** The client's active care team, the practitioner's own first. */
	private Optional<CareTeam> careTeam(Patient subject, Optional<Reference> practitioner, RequestDetails requestDetails) {
		SearchParameterMap map = SearchParameterMap.newSynchronous("subject", new ReferenceParam(reference(subject)))
				.add("status", new TokenParam("active"));
		List<CareTeam> teams = DaoSearch.all(daoRegistry, CareTeam.class, map, requestDetails);
		return teams.stream()
				.filter(team -> practitioner.isPresent() && team.getParticipant().stream()
						.anyMatch(participant -> practitioner.get().getReference().equals(participant.getMember().getReference())))
				.findFirst()
				.or(() -> teams.stream().findFirst());
	}

	private static Optional<Reference> caseManagerOf(CareTeam team) {
		return team.getParticipant().stream()
				.filter(participant -> participant.getRole().stream().flatMap(role -> role.getCoding().stream())
						.anyMatch(coding -> CASE_MANAGER_ROLE.equals(coding.getSystem()) && "case-manager".equals(coding.getCode())))
				.map(CareTeamParticipantComponent::getMember)
				.filter(member -> member.getReferenceElement().getResourceType() != null
						&& Set.of("Practitioner", "PractitionerRole").contains(member.getReferenceElement().getResourceType()))
				.map(Reference::copy)
				.findFirst();
	}

	/**
	 * The client's active plan from this template that the new one replaces; none when the active
	 * one is this very application (it was stored already).
	 */
	private Optional<CarePlan> replacedPlan(PlanDefinition template, Patient subject, String key,
			RequestDetails requestDetails) {
		SearchParameterMap map = SearchParameterMap.newSynchronous("subject", new ReferenceParam(reference(subject)))
				.add("status", new TokenParam("active"));
		List<CarePlan> active = DaoSearch.all(daoRegistry, CarePlan.class, map, requestDetails).stream()
				.filter(plan -> plan.getInstantiatesCanonical().stream()
						.anyMatch(canonical -> template.getUrl().equals(canonical.getValue().split("\\|")[0])))
				.toList();
		boolean alreadyStored = active.stream().anyMatch(plan -> plan.getIdentifier().stream()
				.anyMatch(identifier -> PlanBuilder.APPLICATION_IDENTIFIER.equals(identifier.getSystem())
						&& key.equals(identifier.getValue())));
		return alreadyStored ? Optional.empty() : active.stream().findFirst();
	}

	private Reference questionnaire(String canonical, RequestDetails requestDetails) {
		String[] urlAndVersion = canonical.split("\\|", 2);
		SearchParameterMap map = SearchParameterMap.newSynchronous("url", new UriParam(urlAndVersion[0]));
		if (urlAndVersion.length == 2) {
			map.add("version", new TokenParam(urlAndVersion[1]));
		}
		return DaoSearch.all(daoRegistry, Questionnaire.class, map, requestDetails).stream()
				.findFirst()
				.map(found -> new Reference(found.getIdElement().toUnqualifiedVersionless().getValue()))
				.orElseThrow(() -> PlanSchedule.defect("an action's definition " + canonical
						+ " is not a Questionnaire held by this server"));
	}

	private <T extends IBaseResource> T read(Class<T> type, String parameter, String reference, RequestDetails requestDetails) {
		IdType id = parse(Set.of(type.getSimpleName()), parameter, reference);
		return daoRegistry.getResourceDao(type).read(id, requestDetails);
	}

	private Reference existing(Set<String> types, String parameter, String reference, RequestDetails requestDetails) {
		IdType id = parse(types, parameter, reference);
		daoRegistry.getResourceDao(id.getResourceType()).read(id, requestDetails);
		return new Reference(id.getValue());
	}

	private static IdType parse(Set<String> types, String parameter, String reference) {
		IdType id = new IdType(reference);
		if (!id.hasIdPart() || id.hasBaseUrl() || id.hasVersionIdPart() || !types.contains(id.getResourceType())) {
			throw new InvalidRequestException("Parameter " + parameter + " must be a reference of the form "
					+ String.join(" or ", types.stream().sorted().map(type -> type + "/[id]").toList()) + ", not " + reference);
		}
		return id.toUnqualifiedVersionless();
	}

	private static void requireSameClient(Encounter encounter, Patient subject) {
		if (!reference(subject).equals(encounter.getSubject().getReference())) {
			throw new UnprocessableEntityException("Encounter/" + encounter.getIdElement().getIdPart()
					+ " is not an encounter of " + reference(subject));
		}
	}

	private static String reference(Patient subject) {
		return subject.getIdElement().toUnqualifiedVersionless().getValue();
	}
}

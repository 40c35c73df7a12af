package org.casebridge.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;

/**
 * A client's accounting of disclosures (HIPAA §164.528; 42 CFR §2.24 for Part 2 records): the
 * AuditEvents of every successful read, search, operation or export of their data by a person or
 * organisation that was not on their care team at the time. The care team is every CareTeam of
 * the client whose participant (a Practitioner, a PractitionerRole and its Practitioner, an
 * Organization) was a member then, by the participant's period. The client's own access and the
 * system of record's (a backend service acting for no user or organisation) are not disclosures.
 */
class DisclosureAccounting {

	private static final int PAGE = 500;
	/** The recipients a disclosure can have: who the audit trail names by a FHIR reference. */
	private static final Pattern RECIPIENTS = Pattern.compile("(Practitioner|PractitionerRole|Organization|RelatedPerson)/.+");

	private final DaoRegistry daos;

	DisclosureAccounting(DaoRegistry daos) {
		this.daos = daos;
	}

	/** The disclosures of {@code patient}'s data ({@code Patient/id}) recorded in {@code period}, oldest first. */
	List<AuditEvent> of(String patient, DateRangeParam period) {
		List<Membership> careTeam = careTeam(patient);
		SearchParameterMap accesses = new SearchParameterMap().add(AuditEvent.SP_PATIENT, new ReferenceParam(patient))
				.add(AuditEvent.SP_OUTCOME, new TokenParam("0"))
				.add(AuditEvent.SP_ACTION, new TokenOrListParam().add("R").add("E"))
				.add(AuditEvent.SP_DATE, period);
		accesses.setSort(new SortSpec(AuditEvent.SP_DATE));
		IBundleProvider found = daos.getResourceDao(AuditEvent.class).search(accesses, new SystemRequestDetails());
		List<AuditEvent> disclosures = new ArrayList<>();
		for (int from = 0; ; from += PAGE) {
			List<IBaseResource> page = found.getResources(from, from + PAGE);
			if (page.isEmpty()) {
				return disclosures;
			}
			page.stream().map(AuditEvent.class::cast)
					.filter(event -> recipient(event).filter(RECIPIENTS.asMatchPredicate())
							.filter(who -> careTeam.stream().noneMatch(member -> member.covers(who, event.getRecorded())))
							.isPresent())
					.forEach(disclosures::add);
		}
	}

	/** Who received the data: the event's requesting agent (BALP's information recipient). */
	private static Optional<String> recipient(AuditEvent event) {
		return event.getAgent().stream().filter(AuditEventAgentComponent::getRequestor).findFirst()
				.map(agent -> agent.getWho().getIdentifier().getValue());
	}

	/** A member of one of the client's care teams, by reference, over the participant's period. */
	private record Membership(String member, Period period) {

		boolean covers(String who, Date when) {
			return member.equals(who) && (!period.hasStart() || !when.before(period.getStart()))
					&& (!period.hasEnd() || !when.after(period.getEnd()));
		}
	}

	private List<Membership> careTeam(String patient) {
		SearchParameterMap teams = SearchParameterMap.newSynchronous(CareTeam.SP_SUBJECT, new ReferenceParam(patient));
		List<Membership> members = new ArrayList<>();
		for (IBaseResource found : daos.getResourceDao(CareTeam.class).search(teams, new SystemRequestDetails()).getAllResources()) {
			CareTeam team = (CareTeam) found;
			if (team.getStatus() == CareTeam.CareTeamStatus.ENTEREDINERROR) {
				continue;
			}
			for (CareTeamParticipantComponent participant : team.getParticipant()) {
				String member = participant.getMember().getReferenceElement().toUnqualifiedVersionless().getValue();
				if (member == null) {
					continue;
				}
				members.add(new Membership(member, participant.getPeriod()));
				practitionerOf(member).ifPresent(practitioner -> members.add(new Membership(practitioner, participant.getPeriod())));
			}
		}
		return members;
	}

	/** A PractitionerRole member's Practitioner: a case manager's token names the Practitioner. */
	private Optional<String> practitionerOf(String member) {
		if (!member.startsWith("PractitionerRole/")) {
			return Optional.empty();
		}
		try {
			PractitionerRole role = daos.getResourceDao(PractitionerRole.class).read(new IdType(member),
					new SystemRequestDetails());
			return Optional.ofNullable(role.getPractitioner().getReferenceElement().toUnqualifiedVersionless().getValue());
		} catch (BaseServerResponseException gone) {
			return Optional.empty();
		}
	}
}

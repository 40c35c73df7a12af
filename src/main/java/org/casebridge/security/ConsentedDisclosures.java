package org.casebridge.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Period;

/**
 * Whose records a community organisation may receive (issue 13, item 4): the clients whose active
 * Consent (profile cb-consent) permits disclosure to it, as an information recipient
 * ({@code provision.actor} with role {@code v3-ParticipationType#IRCP}), within the provision's
 * period, and whether that consent covers 42 CFR Part 2 records ({@link Part2Records}). Read
 * afresh for each request, so a revoked consent stops access with the next one.
 */
class ConsentedDisclosures {

	private static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

	private final DaoRegistry daos;

	ConsentedDisclosures(DaoRegistry daos) {
		this.daos = daos;
	}

	/** Patient id to whether Part 2 records are covered, for the clients who consent to disclosure to {@code organization}. */
	Map<String, Boolean> to(IIdType organization) {
		String recipient = organization.toUnqualifiedVersionless().getValue();
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add(Consent.SP_ACTOR, new ReferenceParam(recipient))
				.add(Consent.SP_STATUS, new TokenParam(ConsentState.ACTIVE.toCode()));
		Map<String, Boolean> clients = new HashMap<>();
		Date now = new Date();
		daos.getResourceDao(Consent.class).searchForResources(search, new SystemRequestDetails()).stream()
				.map(Consent.class::cast)
				.filter(consent -> consent.hasPatient() && permitsDisclosureTo(consent.getProvision(), recipient, now))
				.forEach(consent -> clients.merge(consent.getPatient().getReferenceElement().getIdPart(),
						Part2Records.coveredBy(consent), Boolean::logicalOr));
		return clients;
	}

	private static boolean permitsDisclosureTo(ProvisionComponent provision, String recipient, Date now) {
		return provision.getType() == Consent.ConsentProvisionType.PERMIT && within(provision.getPeriod(), now)
				&& provision.getActor().stream().anyMatch(actor ->
						recipient.equals(actor.getReference().getReferenceElement().toUnqualifiedVersionless().getValue())
								&& actor.getRole().getCoding().stream().anyMatch(coding ->
										PARTICIPATION.equals(coding.getSystem()) && "IRCP".equals(coding.getCode())));
	}

	private static boolean within(Period period, Date now) {
		return (!period.hasStart() || !period.getStart().after(now)) && (!period.hasEnd() || !period.getEnd().before(now));
	}
}

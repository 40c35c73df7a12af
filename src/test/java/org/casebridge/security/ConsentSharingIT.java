package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consent-gated sharing (issue 13, item 4): a community organisation's backend service receives a
 * client's records only while an active Consent (cb-consent) names it as information recipient;
 * the substance-use program's records carry the 42 CFR Part 2 label and reach it only when the
 * consent covers them; a revoked consent stops access with the next request.
 */
class ConsentSharingIT extends SecuredServerTestBase {

	private static final String RECIPIENT = "Organization/" + TestAuthorizationServer.COMMUNITY_ORGANIZATION;
	private static final String CB = "http://casebridge.org/fhir/CodeSystem/";

	/** A client: their Patient, an Observation, and their substance-use program's EpisodeOfCare and CarePlan. */
	private record Records(String patient, String observation, String episode, String plan) {}

	private Records consenting;
	private Records consentingToPart2;
	private Records notConsenting;
	private String consent;
	private String performer;

	@BeforeEach
	void clientsWithAndWithoutConsent() {
		storeCommunityOrganisation();
		consenting = substanceUseClient();
		consentingToPart2 = substanceUseClient();
		notConsenting = substanceUseClient();
		consent = consent(consenting.patient(), false);
		consent(consentingToPart2.patient(), true);
		performer = token(TestAuthorizationServer.Client.COMMUNITY_ORG, "system/*.rs");
	}

	@Test
	void theSubstanceUseProgramsRecordsAreLabelledPart2() {
		assertThat(client.read().resource(EpisodeOfCare.class).withId(consenting.episode()).execute().getMeta().getSecurity())
				.anySatisfy(label -> assertThat(label.getSystem() + "|" + label.getCode())
						.isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode|42CFRPart2"));
		assertThat(client.read().resource(Observation.class).withId(consenting.observation()).execute().getMeta().getSecurity())
				.isEmpty();
	}

	@Test
	void theClientsAccountingOfDisclosuresNamesTheConsentedRecipientAndNotTheCareTeam() {
		storePractitioner(TestAuthorizationServer.CASE_MANAGER);
		storeCareTeam(consenting.patient(), "Practitioner/" + TestAuthorizationServer.CASE_MANAGER);
		assertThat(get("/fhir/" + consenting.observation(), token(TestAuthorizationServer.Client.CASE_MANAGER_APP, "user/*.rs"))
				.statusCode()).as("the care team's case manager").isEqualTo(200);
		assertThat(get("/fhir/" + consenting.observation(), performer).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/Observation?subject=" + consenting.patient(), performer).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/" + consenting.episode(), performer).statusCode()).as("not covered: no disclosure").isEqualTo(403);

		String auditor = token(TestAuthorizationServer.Client.EHR_BACKEND, "system/AuditEvent.rs");
		awaitAuditTrail();
		HttpResponse<String> accounting = get("/fhir/" + consenting.patient() + "/$disclosures", auditor);

		assertThat(accounting.statusCode()).as(accounting.body()).isEqualTo(200);
		List<AuditEvent> disclosures = parse(accounting, Bundle.class).getEntry().stream()
				.map(entry -> (AuditEvent) entry.getResource()).toList();
		assertThat(disclosures).extracting(SecuredServerTestBase::user).containsOnly(RECIPIENT);
		assertThat(disclosures).extracting(event -> event.getSubtypeFirstRep().getCode()).containsExactly("read", "search-type");
		assertThat(disclosures.get(0).getEntity()).anySatisfy(entity ->
				assertThat(entity.getWhat().getReference()).startsWith(consenting.observation()));
		assertThat(get("/fhir/" + consenting.patient() + "/$disclosures", performer).statusCode())
				.as("the recipient cannot read the accounting").isEqualTo(403);
		assertOperationDefinedByOurPackage("Patient", "disclosures");
	}

	@Test
	void withoutConsentNothingOfTheClientIsDisclosed() {
		for (String path : List.of(notConsenting.patient(), notConsenting.observation(), "Observation?subject=" + notConsenting.patient())) {
			assertThat(get("/fhir/" + path, performer).statusCode()).as(path).isEqualTo(403);
		}
	}

	@Test
	void aConsentDisclosesTheClientsRecordsButNotPart2RecordsItDoesNotCover() {
		assertThat(get("/fhir/" + consenting.patient(), performer).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/" + consenting.observation(), performer).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/" + consenting.episode(), performer).statusCode()).isEqualTo(403);
		assertThat(get("/fhir/" + consenting.plan(), performer).statusCode()).isEqualTo(403);

		assertThat(ids(get("/fhir/Observation?subject=" + consenting.patient(), performer))).containsExactly(consenting.observation());
		assertThat(ids(get("/fhir/EpisodeOfCare?patient=" + consenting.patient(), performer))).isEmpty();
		HttpResponse<String> count = get("/fhir/CarePlan?subject=" + consenting.patient() + "&_summary=count", performer);
		assertThat(parse(count, Bundle.class).getTotal()).as(count.body()).isZero();
	}

	@Test
	void aConsentCoveringPart2DisclosesThemLabelled() {
		HttpResponse<String> episode = get("/fhir/" + consentingToPart2.episode(), performer);

		assertThat(episode.statusCode()).as(episode.body()).isEqualTo(200);
		assertThat(parse(episode, EpisodeOfCare.class).getMeta().getSecurity())
				.extracting(Coding::getCode).contains("42CFRPart2");
	}

	@Test
	void revokingTheConsentStopsAccessWithTheNextRequest() {
		assertThat(get("/fhir/" + consenting.patient(), performer).statusCode()).isEqualTo(200);

		Consent revoked = client.read().resource(Consent.class).withId(consent).execute();
		client.update().resource(revoked.setStatus(Consent.ConsentState.INACTIVE)).execute();

		assertThat(get("/fhir/" + consenting.patient(), performer).statusCode()).isEqualTo(403);
		assertThat(get("/fhir/" + consenting.observation(), performer).statusCode()).isEqualTo(403);
	}

	private Records substanceUseClient() {
		String patient = newClient().getReference();
		Observation measured = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(patient));
		measured.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
		CodeableConcept program = new CodeableConcept(new Coding(CB + "cb-program", "substance-use", "Substance use"));
		EpisodeOfCare episode = new EpisodeOfCare().setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE)
				.setPatient(new Reference(patient)).addType(program);
		episode.getPeriod().setStart(new Date());
		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN)
				.setSubject(new Reference(patient)).setTitle("Recovery plan").addCategory(program.copy());
		return new Records(patient, stored(measured).getReference(), stored(episode).getReference(), stored(plan).getReference());
	}

	/** The client's consent (cb-consent) to share with the recipient; covering Part 2 records if asked. */
	private String consent(String patient, boolean coveringPart2) {
		Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference(patient))
				.setDateTime(new Date()).addPerformer(new Reference(patient))
				.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)))
				.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Consent Document")))
				.setPolicyRule(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", null)));
		Consent.ProvisionComponent provision = consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
		provision.getPeriod().setStart(date(LocalDate.now().minusDays(1))).setEnd(date(LocalDate.now().plusYears(1)));
		provision.addActor().setReference(new Reference(RECIPIENT)).setRole(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient")));
		if (coveringPart2) {
			provision.addSecurityLabel(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2", null));
		}
		return stored(consent).getReference();
	}

	private List<String> ids(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(response, Bundle.class).getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}
}

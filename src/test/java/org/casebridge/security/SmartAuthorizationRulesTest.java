package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

/** Which compartments a token's searches are narrowed to. */
class SmartAuthorizationRulesTest {

	private final SmartAuthorizationRules rules = new SmartAuthorizationRules(UserCompartments.ownCompartment());

	@Test
	void aPatientScopeNarrowsToThePatientsCompartment() {
		assertThat(rules.searchNarrowing(access("patient/*.rs", new IdType("Patient/a"), null), "Observation"))
				.contains(List.of("Patient/a"));
	}

	@Test
	void aUserScopeNarrowsToTheCompartmentsTheUserReaches() {
		assertThat(rules.searchNarrowing(access("user/*.rs", null, new IdType("Practitioner/p")), "CareTeam"))
				.contains(List.of("Patient/client-1", "Patient/client-2"));
	}

	@Test
	void directorySearchesAreNeverNarrowed() {
		assertThat(rules.searchNarrowing(access("patient/*.rs", new IdType("Patient/a"), null), "HealthcareService"))
				.isEmpty();
	}

	@Test
	void aCaseManagersTaskSearchIsHeldToTheirClients() {
		assertThat(rules.searchClauses(access("user/*.rs", null, new IdType("Practitioner/p")), "Task"))
				.containsExactly(Map.entry("patient", "Patient/client-1,Patient/client-2"));
	}

	@Test
	void aPerformersSearchesAreHeldToItsReferralsAndItsConsentedClientsWithoutPart2Records() {
		SmartAccess performer = new SmartAccess(SmartScopes.parse("system/*.rs"), Optional.empty(), Optional.empty(), Map.of(),
				Optional.of(new IdType("Organization/org")), Map.of("client-1", true, "client-2", false), Optional.empty(),
				Optional.empty());

		assertThat(rules.searchClauses(performer, "Task")).containsEntry("owner", "Organization/org");
		assertThat(rules.searchClauses(performer, "ServiceRequest")).containsEntry("performer", "Organization/org");
		assertThat(rules.searchNarrowing(performer, "Task")).isEmpty();
		assertThat(rules.searchNarrowing(performer, "Observation")).contains(List.of("Patient/client-1", "Patient/client-2"));
		assertThat(rules.searchClauses(performer, "Observation"))
				.containsExactly(Map.entry("_security:not", "http://terminology.hl7.org/CodeSystem/v3-ActCode|42CFRPart2"));
		assertThat(rules.searchClauses(performer, "HealthcareService")).isEmpty();
	}

	@Test
	void aSystemScopeForTheTypeSearchesItWhole() {
		assertThat(rules.searchNarrowing(access("patient/*.rs system/Observation.s", new IdType("Patient/a"), null),
				"Observation")).isEmpty();
	}

	@Test
	void scopesThatCannotSearchTheTypeNarrowNothing() {
		assertThat(rules.searchNarrowing(access("patient/Observation.r", new IdType("Patient/a"), null), "Observation"))
				.isEmpty();
		assertThat(rules.searchNarrowing(access("patient/*.rs", null, null), "Observation")).isEmpty();
	}

	@Test
	void aTokenWithoutResourceScopesGetsOnlyTheCapabilityStatementAndTheDirectory() {
		// The CapabilityStatement, the audit trail refused, the directory's types, everything else refused.
		int directory = SmartAuthorizationRules.DIRECTORY_TYPES.size();
		assertThat(rules.rulesFor(Optional.of(access("openid fhirUser", null, null)))).hasSize(3 + directory);
		assertThat(rules.rulesFor(Optional.empty())).hasSize(2);
	}

	private static SmartAccess access(String scopes, IIdType patient, IIdType fhirUser) {
		Map<String, List<IIdType>> reached = fhirUser == null ? Map.of()
				: Map.of("Patient", List.of(new IdType("Patient/client-1"), new IdType("Patient/client-2")));
		return new SmartAccess(SmartScopes.parse(scopes), Optional.ofNullable(patient), Optional.ofNullable(fhirUser), reached,
				Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
	}
}

package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.casebridge.security.SmartScope.Context;
import org.casebridge.security.SmartScope.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopesTest {

	@Test
	void readsV2Scopes() {
		assertThat(SmartScopes.parseResourceScope("patient/*.rs")).contains(
				new SmartScope(Context.PATIENT, "*", EnumSet.of(Permission.R, Permission.S), Optional.empty()));
		assertThat(SmartScopes.parseResourceScope("user/CarePlan.cruds")).contains(
				new SmartScope(Context.USER, "CarePlan", EnumSet.allOf(Permission.class), Optional.empty()));
		assertThat(SmartScopes.parseResourceScope("system/Observation.cud")).contains(
				new SmartScope(Context.SYSTEM, "Observation", EnumSet.of(Permission.C, Permission.U, Permission.D), Optional.empty()));
	}

	@Test
	void readsV1ScopesAsTheirV2Equivalents() {
		assertThat(SmartScopes.parseResourceScope("system/*.read").orElseThrow().permissions()).isEqualTo(Permission.READ);
		assertThat(SmartScopes.parseResourceScope("patient/Observation.read").orElseThrow().permissions())
				.containsExactlyInAnyOrder(Permission.R, Permission.S);
		assertThat(SmartScopes.parseResourceScope("user/Patient.write").orElseThrow().permissions())
				.containsExactlyInAnyOrder(Permission.C, Permission.U, Permission.D);
		assertThat(SmartScopes.parseResourceScope("user/*.*").orElseThrow().permissions())
				.isEqualTo(EnumSet.allOf(Permission.class));
	}

	@Test
	void keepsTheQueryOfAGranularScope() {
		assertThat(SmartScopes.parseResourceScope("patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory")
				.orElseThrow().query())
				.contains("category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory");
	}

	@ParameterizedTest
	@ValueSource(strings = {
		"*.*", "patient/*.sr", "patient/*.rr", "patient/*.x", "patient/*.", "patient/observation.rs", "group/*.rs",
		"patient*.rs", "openid", "fhirUser", "launch/patient", "offline_access", "", "system/casebridge.admin"})
	void anythingElseIsNoResourceScope(String scope) {
		assertThat(SmartScopes.parseResourceScope(scope)).isEmpty();
	}

	@Test
	void aClaimIsSpaceSeparatedAndRecognisesTheAdministratorScope() {
		SmartScopes scopes = SmartScopes.parse("openid fhirUser  user/*.rs system/casebridge.admin bogus");

		assertThat(scopes.resourceScopes()).extracting(SmartScope::resourceType).containsExactly("*");
		assertThat(scopes.administrator()).isTrue();
		assertThat(scopes.resourceScopes().get(0).grants(Permission.S)).isTrue();
		assertThat(scopes.resourceScopes().get(0).grants(Permission.C)).isFalse();
		assertThat(scopes.resourceScopes().get(0).appliesTo("Observation")).isTrue();
	}

	@Test
	void aTokenWithoutScopesGrantsNothing() {
		assertThat(SmartScopes.parse((String) null)).isEqualTo(new SmartScopes(List.of(), false));
		assertThat(SmartScopes.parse(List.of("system/Patient.rs")).administrator()).isFalse();
	}
}

package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

class CapabilityStatementIT extends FhirServerTestBase {

	@Autowired
	BuildProperties build;

	@Test
	void namesTheSoftwareAndFhirVersion() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(capabilities.getFhirVersion()).isEqualTo(FHIRVersion._4_0_1);
		assertThat(capabilities.getSoftware().getName()).isEqualTo("CaseBridge");
		assertThat(capabilities.getSoftware().getVersion()).isEqualTo(build.getVersion()).isNotBlank();
		assertThat(capabilities.getImplementation().getUrl()).isEqualTo(baseUrl());
	}

	@Test
	void declaresTheCaseManagementResourcesWithTheirInteractions() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(capabilities.getRestFirstRep().getResource())
				.extracting(resource -> resource.getType())
				.contains("Patient", "CarePlan", "ServiceRequest", "Task", "QuestionnaireResponse", "Consent");
		assertThat(capabilities.getRestFirstRep().getInteraction())
				.extracting(interaction -> interaction.getCode().toCode())
				.contains("transaction", "batch", "history-system");
	}
}

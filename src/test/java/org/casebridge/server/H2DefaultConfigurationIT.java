package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.file.Path;
import org.casebridge.CaseBridgeApplication;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The first-run configuration: embedded H2 in a file, nothing installed, data kept across restarts. */
class H2DefaultConfigurationIT {

	@TempDir
	Path dataDirectory;

	@Test
	void servesFhirAndKeepsDataAcrossARestart() {
		String id;
		try (ConfigurableApplicationContext server = start()) {
			IGenericClient client = clientOf(server);
			assertThat(client.capabilities().ofType(CapabilityStatement.class).execute().getSoftware().getName())
					.isEqualTo("CaseBridge");
			Patient patient = new Patient();
			patient.addName().setFamily("Lindqvist");
			id = client.create().resource(patient).execute().getId().getIdPart();
		}

		try (ConfigurableApplicationContext restarted = start()) {
			IGenericClient client = clientOf(restarted);
			Patient read = client.read().resource(Patient.class).withId(id).execute();
			assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Lindqvist");
			// The audit trail's chain is checked with SQL of its own, in one snapshot, on H2 too.
			Parameters chain = client.operation().onType(AuditEvent.class).named("$verify-chain").withNoParameters(Parameters.class)
					.useHttpGet().execute();
			assertThat(((BooleanType) chain.getParameterValue("intact")).booleanValue()).isTrue();
		}
	}

	/** Starts the server with its default configuration, only moving the H2 file to a temporary folder. */
	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(CaseBridgeApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("casebridge"));
	}

	private static IGenericClient clientOf(ConfigurableApplicationContext server) {
		String port = server.getEnvironment().getProperty("local.server.port");
		return FhirContext.forR4Cached().newRestfulGenericClient("http://localhost:" + port + "/fhir");
	}
}

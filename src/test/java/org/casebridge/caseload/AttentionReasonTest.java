package org.casebridge.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;

/** The server ranks by the reasons our package publishes, in the package's order and words. */
class AttentionReasonTest {

	@Test
	void theReasonsAreThePackagesCodeSystemInItsOrder() throws IOException {
		CodeSystem published = FhirContext.forR4Cached().newJsonParser().parseResource(CodeSystem.class,
				Files.readString(Path.of("fhir-profiles/package/CodeSystem-cb-caseload-reason.json")));

		assertThat(published.getUrl()).isEqualTo(AttentionReason.SYSTEM);
		assertThat(Arrays.stream(AttentionReason.values()).map(reason -> reason.code() + " " + reason.display()))
				.containsExactlyElementsOf(published.getConcept().stream()
						.map(concept -> concept.getCode() + " " + concept.getDisplay()).toList());
	}
}

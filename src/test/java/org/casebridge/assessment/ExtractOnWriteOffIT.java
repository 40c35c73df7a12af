package org.casebridge.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casebridge.FhirServerTestBase;
import org.casebridge.Responses;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With {@code casebridge.assessment.extract-on-write=false} a completed response is stored as it
 * is, and {@code $extract} gives the client the transaction that creates its score, once however
 * often it is posted.
 */
@SpringBootTest(
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "casebridge.assessment.extract-on-write=false")
class ExtractOnWriteOffIT extends FhirServerTestBase {

	@Test
	void aCompletedResponseIsStoredWithoutItsScoreWhichExtractThenCreatesOnce() {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem("urn:casebridge:test").setValue(unique);
		Reference subject = new Reference(client.create().resource(patient).execute().getId().toUnqualifiedVersionless());
		IIdType response = client.create().resource(Responses.phq9(subject, 1, 1, 1, 1, 1, 1, 1, 1, 0))
				.execute().getId().toUnqualifiedVersionless();
		assertThat(scoresOf(response)).isEmpty();

		Bundle extracted = client.operation().onInstance(response).named("$extract").withNoParameters(Parameters.class)
				.returnResourceType(Bundle.class).execute();
		assertThat(extracted.getEntry()).singleElement().satisfies(entry -> {
			assertThat(entry.getRequest().getMethod()).isEqualTo(HTTPVerb.POST);
			assertThat(entry.getRequest().getIfNoneExist()).startsWith("identifier=" + DerivedResources.EXTRACTED_FROM + "|");
		});
		client.transaction().withBundle(extracted).execute();
		client.transaction().withBundle(extracted).execute();

		assertThat(scoresOf(response)).singleElement()
				.satisfies(entry -> assertThat(((Observation) entry.getResource()).getValueIntegerType().getValue()).isEqualTo(8));
	}

	private List<Bundle.BundleEntryComponent> scoresOf(IIdType response) {
		return client.search().byUrl("Observation?derived-from=" + response.getValue()).returnBundle(Bundle.class).execute()
				.getEntry();
	}
}

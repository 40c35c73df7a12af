package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class ResourceLifecycleIT extends FhirServerTestBase {

	private static final String TAG_SYSTEM = "http://casebridge.org/fhir/test-run";

	@Test
	void createReadUpdateVreadHistoryDelete() {
		Patient client1 = newClient("Rivera");
		IdType id = (IdType) client.create().resource(client1).execute().getId();
		assertThat(id.getVersionIdPart()).isEqualTo("1");

		Patient read = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
		assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Rivera");

		read.setGender(AdministrativeGender.FEMALE);
		MethodOutcome updated = client.update().resource(read).execute();
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

		Patient version1 = client.read().resource(Patient.class).withId(id.withVersion("1")).execute();
		assertThat(version1.hasGender()).isFalse();
		Patient version2 = client.read().resource(Patient.class).withId(id.withVersion("2")).execute();
		assertThat(version2.getGender()).isEqualTo(AdministrativeGender.FEMALE);

		Bundle history = client.history().onInstance(id.toVersionless()).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).hasSize(2);

		client.delete().resourceById(id.toVersionless()).execute();
		assertThatThrownBy(() -> client.read().resource(Patient.class).withId(id.getIdPart()).execute())
				.isInstanceOf(ResourceGoneException.class);
		assertThat(client.history().onInstance(id.toVersionless()).returnBundle(Bundle.class).execute().getEntry())
				.as("plan revisions and deletions keep every earlier version")
				.hasSize(3);
	}

	@Test
	void searchPagesWithCountAndNextLinks() {
		createTaggedClients(5);

		Bundle page1 = client.search().forResource(Patient.class)
				.withTag(TAG_SYSTEM, unique).count(2).returnBundle(Bundle.class).execute();
		assertThat(page1.getEntry()).hasSize(2);
		assertThat(page1.getLink(Bundle.LINK_NEXT)).isNotNull();

		Bundle page2 = client.loadPage().next(page1).execute();
		Bundle page3 = client.loadPage().next(page2).execute();
		assertThat(page2.getEntry()).hasSize(2);
		assertThat(page3.getEntry()).hasSize(1);
		assertThat(page3.getLink(Bundle.LINK_NEXT)).isNull();
	}

	@Test
	void countIsHonouredUpToTheConfiguredMaximum() {
		createTaggedClients(1001);

		Bundle page = client.search().forResource(Patient.class)
				.withTag(TAG_SYSTEM, unique).count(5000).returnBundle(Bundle.class).execute();

		assertThat(page.getEntry()).hasSize(1000);
		assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();
	}

	@Test
	void clientAssignedIdsIncludingAllNumericOnesAreKept() {
		String numeric = String.valueOf(System.nanoTime());
		String longest = (unique + unique).replace("-", ".").substring(0, 64);

		for (String id : new String[] {numeric, longest}) {
			Patient patient = newClient("Okafor");
			patient.setId(id);
			MethodOutcome outcome = client.update().resource(patient).execute();
			assertThat(outcome.getCreated()).isTrue();
			assertThat(outcome.getId().getIdPart()).isEqualTo(id);
			assertThat(client.read().resource(Patient.class).withId(id).execute().getNameFirstRep().getFamily())
					.isEqualTo("Okafor");
		}
	}

	@Test
	void serverAssignedIdsAreUuidsSoTheyCannotCollideWithClientIds() {
		IdType id = (IdType) client.create().resource(newClient("Nakamura")).execute().getId();

		assertThat(id.getIdPart()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	}

	@Test
	void updateWithStaleIfMatchIsRefusedAndChangesNothing() {
		IdType id = (IdType) client.create().resource(newClient("Schmidt")).execute().getId();
		Patient current = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
		current.setGender(AdministrativeGender.MALE);
		client.update().resource(current).execute();

		String staleUpdate = "{\"resourceType\":\"Patient\",\"id\":\"" + id.getIdPart()
				+ "\",\"name\":[{\"family\":\"Overwritten\"}]}";
		HttpResponse<String> response = send(request("/fhir/Patient/" + id.getIdPart())
				.header("Content-Type", FHIR_JSON)
				.header("If-Match", "W/\"1\"")
				.PUT(BodyPublishers.ofString(staleUpdate))
				.build());

		assertThat(response.statusCode()).isIn(409, 412);
		assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getSeverity())
				.isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		Patient after = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
		assertThat(after.getMeta().getVersionId()).isEqualTo("2");
		assertThat(after.getNameFirstRep().getFamily()).isEqualTo("Schmidt");
	}

	@Test
	void malformedJsonGets400WithOperationOutcome() {
		HttpResponse<String> response = send(request("/fhir/Patient")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"name\":[{"))
				.build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.isEqualTo("The body is not well-formed JSON (line 1, column 36)");
	}

	@Test
	void unknownIdGets404WithOperationOutcome() {
		assertThatThrownBy(() -> client.read().resource(Patient.class).withId("unknown-" + unique).execute())
				.isInstanceOf(ResourceNotFoundException.class);

		HttpResponse<String> response = send(request("/fhir/Patient/unknown-" + unique).GET().build());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(parse(response, OperationOutcome.class).hasIssue()).isTrue();
	}

	private Patient newClient(String family) {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem("http://hospital.example/mrn").setValue(unique);
		patient.addName().setFamily(family).addGiven("Alex");
		return patient;
	}

	/** Stores {@code count} clients tagged with this test's unique value, in one batch. */
	private void createTaggedClients(int count) {
		Bundle batch = new Bundle().setType(BundleType.BATCH);
		for (int i = 0; i < count; i++) {
			Patient patient = newClient("Tagged" + i);
			patient.getMeta().addTag(TAG_SYSTEM, unique, null);
			batch.addEntry().setResource(patient).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
		}
		Bundle response = client.transaction().withBundle(batch).execute();
		assertThat(response.getEntry()).allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
	}
}

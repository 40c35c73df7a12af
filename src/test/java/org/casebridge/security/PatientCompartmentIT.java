package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.casebridge.security.TestAuthorizationServer.Client;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A patient app's token ({@code patient/} scopes, {@code patient} claim) reaches that patient's
 * compartment and nothing else: its own Patient and Observations read, another patient's refused,
 * and its searches narrowed to its own compartment, whatever it asks for.
 */
class PatientCompartmentIT extends SecuredServerTestBase {

	private String ownObservation;
	private String othersObservation;

	@BeforeEach
	void storeTwoPatientsWithAnObservationEach() {
		storePatient(TestAuthorizationServer.PATIENT);
		storePatient(TestAuthorizationServer.OTHER_PATIENT);
		ownObservation = observationOf(TestAuthorizationServer.PATIENT);
		othersObservation = observationOf(TestAuthorizationServer.OTHER_PATIENT);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"patient/*.rs", "patient/*.read", "patient/Observation.read patient/Patient.r"})
	void readsItsOwnPatientAndObservationButNotAnotherPatients(String scopes) {
		String token = token(Client.PATIENT_APP, scopes);

		assertThat(get("/fhir/Patient/" + TestAuthorizationServer.PATIENT, token).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/" + ownObservation, token).statusCode()).isEqualTo(200);
		assertRefused(get("/fhir/Patient/" + TestAuthorizationServer.OTHER_PATIENT, token));
		assertRefused(get("/fhir/" + othersObservation, token));
	}

	@Test
	void itsSearchesReturnOnlyItsOwnCompartment() {
		IGenericClient app = clientWith(token(Client.PATIENT_APP, "patient/*.rs"));

		Bundle observations = app.search().forResource(Observation.class).count(1000).returnBundle(Bundle.class).execute();
		assertThat(observations.getEntry()).isNotEmpty().allSatisfy(entry -> assertThat(
				((Observation) entry.getResource()).getSubject().getReferenceElement().getIdPart())
				.isEqualTo(TestAuthorizationServer.PATIENT));
		assertThat(observations.getEntry()).extracting(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.contains(ownObservation).doesNotContain(othersObservation);

		Bundle patients = app.search().forResource(Patient.class).returnBundle(Bundle.class).execute();
		assertThat(patients.getEntry()).extracting(entry -> entry.getResource().getIdPart())
				.containsExactly(TestAuthorizationServer.PATIENT);
	}

	@Test
	void everythingReturnsItsOwnCompartmentAndIsRefusedForAnotherPatient() {
		String token = token(Client.PATIENT_APP, "patient/*.rs");

		HttpResponse<String> own = get("/fhir/Patient/" + TestAuthorizationServer.PATIENT + "/$everything?_count=1000", token);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(parse(own, Bundle.class).getEntry())
				.extracting(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.contains("Patient/" + TestAuthorizationServer.PATIENT, ownObservation)
				.doesNotContain("Patient/" + TestAuthorizationServer.OTHER_PATIENT, othersObservation);
		assertRefused(get("/fhir/Patient/" + TestAuthorizationServer.OTHER_PATIENT + "/$everything", token));
	}

	@Test
	void searchingForAnotherPatientsRecordsIsRefused() {
		String token = token(Client.PATIENT_APP, "patient/*.rs");

		assertRefused(get("/fhir/Observation?subject=Patient/" + TestAuthorizationServer.OTHER_PATIENT, token));
	}

	/**
	 * A caseload names clients: a patient app never gets one, a case manager only their own (see
	 * {@link CaseloadAccessIT}), a backend service that may read every Patient anyone's.
	 */
	@Test
	void aCaseloadIsRefusedToPatientAndCaseManagerTokensAndGivenToASystemToken() {
		String caseManager = newPractitioner().getReference();

		assertRefused(get("/fhir/" + caseManager + "/$caseload", token(Client.PATIENT_APP, "patient/*.rs")));
		assertRefused(get("/fhir/" + caseManager + "/$caseload", token(Client.CASE_MANAGER_APP, "user/*.rs")));
		assertRefused(get("/fhir/$caseload?practitioner=" + caseManager, token(Client.PATIENT_APP, "patient/*.rs")));
		HttpResponse<String> ehr = get("/fhir/" + caseManager + "/$caseload", token(Client.EHR_BACKEND, "system/*.rs"));
		assertThat(ehr.statusCode()).as(ehr.body()).isEqualTo(200);
	}

	@Test
	void itCreatesInItsOwnCompartmentOnly() {
		IGenericClient app = clientWith(token(Client.PATIENT_APP, "patient/Observation.crs"));

		assertThat(app.create().resource(observation(TestAuthorizationServer.PATIENT)).execute().getCreated()).isTrue();
		String other = fhirContext.newJsonParser().encodeResourceToString(observation(TestAuthorizationServer.OTHER_PATIENT));
		assertRefused(send(request("/fhir/Observation").header("Content-Type", FHIR_JSON)
				.header("Authorization", "Bearer " + token(Client.PATIENT_APP, "patient/Observation.crs"))
				.POST(HttpRequest.BodyPublishers.ofString(other)).build()));
	}

	private void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
		assertThat(response.body()).contains("OperationOutcome");
	}

	private void storePatient(String id) {
		Patient patient = new Patient();
		patient.setId(id);
		patient.addName().setFamily("Compartment").addGiven(id);
		client.update().resource(patient).execute();
	}

	private String observationOf(String patientId) {
		return stored(observation(patientId)).getReference();
	}

	private static Observation observation(String patientId) {
		Observation observation = new Observation().setStatus(ObservationStatus.FINAL)
				.setSubject(new Reference(ResourceType.Patient.name() + "/" + patientId));
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
		return observation;
	}
}

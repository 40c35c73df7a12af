package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.casebridge.security.TestAuthorizationServer.Client;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each SMART scope of an EHR backend service (system/) and a case manager (user/) allows:
 * each interaction letter on its own, v1 and v2 forms alike, and the administrator scope for
 * HAPI's administrative operations. A refusal is 403 with an OperationOutcome and the RFC 6750
 * {@code insufficient_scope} challenge.
 */
class ScopeEnforcementIT extends SecuredServerTestBase {

	private String patient;
	private String observation;

	@BeforeEach
	void storeAClientWithAnObservation() {
		patient = newClient().getReference();
		Observation measured = new Observation().setStatus(ObservationStatus.FINAL).setSubject(new Reference(patient));
		measured.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
		observation = stored(measured).getReference();
	}

	@ParameterizedTest(name = "{0}: read {1}, search {2}")
	@CsvSource({
		"system/Patient.rs, 200, 200",
		"system/Patient.read, 200, 200",
		"system/*.read, 200, 200",
		"system/Patient.r, 200, 403",
		"system/Patient.s, 403, 200",
		"system/Observation.rs, 403, 403",
		"system/Patient.c, 403, 403"})
	void readAndSearchOfAPatientNeedTheirOwnLetters(String scope, int read, int search) {
		String token = token(Client.EHR_BACKEND, scope);

		assertAnswer(get("/fhir/" + patient, token), read);
		assertAnswer(get("/fhir/Patient?_id=" + idOf(patient), token), search);
	}

	@Test
	void aScopeForOneTypeDoesNotReachAnother() {
		String token = token(Client.EHR_BACKEND, "system/Patient.rs");

		assertAnswer(get("/fhir/" + observation, token), 403);
		assertAnswer(get("/fhir/Observation?subject=" + patient, token), 403);
		assertThat(get("/fhir/" + patient, token).statusCode()).isEqualTo(200);
	}

	@Test
	void createNeedsCAndUpdateNeedsU() {
		String create = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Scoped\"}]}";
		assertAnswer(send(json("POST", "/fhir/Patient", create, token(Client.EHR_BACKEND, "system/Patient.rs"))), 403);
		HttpResponse<String> created = send(json("POST", "/fhir/Patient", create, token(Client.EHR_BACKEND, "system/Patient.c")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		String update = "{\"resourceType\":\"Patient\",\"id\":\"" + idOf(patient) + "\",\"name\":[{\"family\":\"Renamed\"}]}";
		assertAnswer(send(json("PUT", "/fhir/" + patient, update, token(Client.EHR_BACKEND, "system/Patient.c"))), 403);
		HttpResponse<String> updated = send(json("PUT", "/fhir/" + patient, update, token(Client.EHR_BACKEND, "system/Patient.u")));
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
	}

	@Test
	void deleteNeedsD() {
		assertAnswer(send(authorized(request("/fhir/" + observation).DELETE(), token(Client.EHR_BACKEND, "system/Observation.rs"))), 403);
		HttpResponse<String> deleted =
				send(authorized(request("/fhir/" + observation).DELETE(), token(Client.EHR_BACKEND, "system/Observation.d")));
		assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);
	}

	@Test
	void aTransactionEntryOutsideTheScopesFailsTheWholeTransaction() {
		String transaction = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":{"resourceType":"Patient","name":[{"family":"InTransaction"}]},"request":{"method":"POST","url":"Patient"}},
				 {"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}},"request":{"method":"POST","url":"Observation"}}]}""";

		assertAnswer(send(json("POST", "/fhir", transaction, token(Client.EHR_BACKEND, "system/Patient.cru"))), 403);
	}

	/** FHIR Bulk Data: a backend service exports the types its system/ scopes let it read, no others. */
	@Test
	void aBulkExportNeedsSystemReadScopesForEveryTypeItExports() {
		HttpResponse<String> started = send(authorized(request("/fhir/$export?_type=Patient").header("Accept", FHIR_JSON)
				.header("Prefer", "respond-async"), token(Client.EHR_BACKEND, "system/Patient.rs")));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String status = started.headers().firstValue("Content-Location").orElseThrow();
		HttpResponse<String> cancelled = send(authorized(HttpRequest.newBuilder(URI.create(status)).DELETE(),
				token(Client.EHR_BACKEND, "system/Patient.rs")));
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);

		assertAnswer(send(authorized(request("/fhir/$export?_type=Patient,Observation").header("Accept", FHIR_JSON)
				.header("Prefer", "respond-async"), token(Client.EHR_BACKEND, "system/Patient.rs"))), 403);
	}

	/** The audit trail is exported only with a scope that names AuditEvent: a wildcard does not reach it. */
	@Test
	void exportingTheAuditTrailNeedsAnAuditScope() {
		String trail = "/fhir/$export?_type=AuditEvent";
		assertAnswer(send(authorized(request(trail).header("Accept", FHIR_JSON).header("Prefer", "respond-async"),
				token(Client.EHR_BACKEND, "system/*.rs"))), 403);

		String auditor = token(Client.EHR_BACKEND, "system/*.rs system/AuditEvent.rs");
		HttpResponse<String> started = send(authorized(request(trail).header("Accept", FHIR_JSON)
				.header("Prefer", "respond-async"), auditor));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		HttpResponse<String> cancelled = send(authorized(HttpRequest.newBuilder(
				URI.create(started.headers().firstValue("Content-Location").orElseThrow())).DELETE(), auditor));
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
	}

	@Test
	void administrativeOperationsNeedTheAdministratorScope() {
		String reindex = "/fhir/$mark-all-resources-for-reindexing";
		String parameters = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"type\",\"valueCode\":\"Basic\"}]}";

		assertAnswer(send(json("POST", reindex, parameters, token(Client.EHR_BACKEND, "system/*.cruds"))), 403);
		HttpResponse<String> started = send(json("POST", reindex, parameters, token(Client.EHR_BACKEND, "system/casebridge.admin")));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
	}

	@Test
	void theAdministratorScopeAloneReadsNoRecords() {
		assertAnswer(get("/fhir/" + patient, token(Client.EHR_BACKEND, "system/casebridge.admin")), 403);
	}

	private void assertAnswer(HttpResponse<String> response, int status) {
		if (status == 403) {
			assertRefusedWithOperationOutcome(response, 403);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
					.hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"insufficient_scope\""));
		} else {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		}
	}

	private HttpRequest json(String method, String path, String body, String token) {
		return authorized(request(path).header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.method(method, HttpRequest.BodyPublishers.ofString(body)), token);
	}

	private static HttpRequest authorized(HttpRequest.Builder request, String token) {
		return request.header("Authorization", "Bearer " + token).build();
	}

	private static String idOf(String reference) {
		return reference.substring(reference.indexOf('/') + 1);
	}
}

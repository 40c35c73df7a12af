package org.casebridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.casebridge.Eventually;
import org.casebridge.security.SecuredServerTestBase;
import org.casebridge.security.TestAuthorizationServer;
import org.casebridge.security.TestAuthorizationServer.Client;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail (issue 14, first part): every create, read and search a client makes is an IHE
 * BALP AuditEvent naming the patient, what was done and by whom, stored by the time the answer
 * arrives; AuditEvents cannot be changed or deleted; only a scope naming AuditEvent reads them.
 */
class AuditTrailIT extends SecuredServerTestBase {

	@Autowired
	private AuditRetention retention;

	private String patient;
	private String auditor;

	@BeforeEach
	void aClient() {
		patient = newClient().getReference();
		auditor = token(Client.EHR_BACKEND, "system/AuditEvent.rs");
	}

	@Test
	void aCreateIsAuditedWithThePatientAndTheCaller() {
		String observation = storedObservation();

		AuditEvent created = single(events("entity=" + observation + "&action=C"));
		assertThat(created.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(created.getSubtypeFirstRep().getCode()).isEqualTo("create");
		// The data entity names the version the create made, the patient entity the client.
		assertThat(created.getEntity()).extracting(entity -> entity.getWhat().getReference()).contains(observation + "/_history/1");
		assertThat(entities(created)).contains(patient);
		assertThat(created.getAgent()).extracting(agent -> agent.getWho().getDisplay()).contains("ehr-backend");
	}

	@Test
	void aReadAndASearchAreAuditedByTheTimeTheyAnswer() {
		String reader = token(Client.EHR_BACKEND, "system/*.rs");
		assertThat(get("/fhir/" + patient, reader).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/Observation?subject=" + patient, reader).statusCode()).isEqualTo(200);

		List<AuditEvent> reads = events("patient=" + patient + "&action=R");
		assertThat(reads).extracting(event -> event.getSubtypeFirstRep().getCode()).contains("read");
		List<AuditEvent> searches = events("patient=" + patient + "&action=E");
		assertThat(searches).extracting(event -> event.getSubtypeFirstRep().getCode()).contains("search-type");
	}

	@Test
	void aDeleteIsAuditedAndTheTrailNeverBlocksIt() {
		String observation = storedObservation();
		String reader = token(Client.EHR_BACKEND, "system/*.rs");
		String writer = token(Client.EHR_BACKEND, "system/*.cruds");
		// Refused first: that event names the Observation and its client too.
		assertThat(send(request("/fhir/" + observation).header("Authorization", "Bearer " + reader).DELETE().build())
				.statusCode()).isEqualTo(403);
		assertThat(get("/fhir/" + observation, reader).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/" + patient, reader).statusCode()).isEqualTo(200);

		HttpResponse<String> observationDeleted = send(request("/fhir/" + observation)
				.header("Authorization", "Bearer " + writer).DELETE().build());
		HttpResponse<String> deleted = send(request("/fhir/" + patient).header("Authorization", "Bearer " + writer).DELETE().build());

		assertThat(observationDeleted.statusCode()).as(observationDeleted.body()).isEqualTo(200);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
		// The deleted client is named by identifier (its last version): HAPI stores no reference to a deleted resource.
		// (So is the refused delete's client, when its event is stored from the outbox after this delete.)
		AuditEvent deletion = single(events("action=D&outcome=0&_sort=-date").stream().filter(event -> event.getEntity().stream()
				.anyMatch(entity -> AuditEventStore.ABSENT.equals(entity.getWhat().getIdentifier().getSystem())
						&& entity.getWhat().getIdentifier().getValue().startsWith(patient))).toList());
		assertThat(deletion.getSubtypeFirstRep().getCode()).isEqualTo("delete");
	}

	@Test
	void auditEventsCannotBeChangedOrDeleted() {
		String event = events("patient=" + patient).get(0).getIdElement().toUnqualifiedVersionless().getValue();
		String writer = token(Client.EHR_BACKEND, "system/AuditEvent.cruds");
		AuditEvent stored = clientWith(auditor).read().resource(AuditEvent.class).withId(event).execute();
		stored.setOutcomeDesc("tampered");

		HttpResponse<String> changed = send(request("/fhir/" + event).header("Content-Type", FHIR_JSON)
				.header("Authorization", "Bearer " + writer)
				.PUT(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(stored))).build());
		HttpResponse<String> deleted = send(request("/fhir/" + event).header("Authorization", "Bearer " + writer).DELETE().build());

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(405);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(405);
		assertThat(clientWith(auditor).read().resource(AuditEvent.class).withId(event).execute().getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void onlyAScopeNamingAuditEventReadsTheTrail() {
		for (String scopes : List.of("system/*.rs", "system/*.cruds")) {
			HttpResponse<String> refused = get("/fhir/AuditEvent?patient=" + patient, token(Client.EHR_BACKEND, scopes));
			assertThat(refused.statusCode()).as(scopes + ": " + refused.body()).isEqualTo(403);
		}
		assertThat(get("/fhir/AuditEvent?patient=" + patient, auditor).statusCode()).isEqualTo(200);
	}

	@Test
	void aDenialIsAuditedWithWhoAskedAndForWhom() {
		// Not on the case manager's caseload.
		String requestId = identified("/fhir/" + patient, token(Client.CASE_MANAGER_APP, "user/*.rs"), 403);

		AuditEvent denial = single(auditEventsOf(requestId));
		assertThat(denial.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(denial.getOutcomeDesc()).startsWith("403 ");
		assertThat(denial.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
		assertThat(user(denial)).isEqualTo("Practitioner/" + TestAuthorizationServer.CASE_MANAGER);
		assertThat(entities(denial)).contains(patient);
		assertThat(events("agent-identifier=" + AuditAgents.USERS + "%7CPractitioner/" + TestAuthorizationServer.CASE_MANAGER
				+ "&outcome=4")).extracting(event -> event.getIdElement().getIdPart()).contains(denial.getIdElement().getIdPart());
	}

	@Test
	void aRequestWithoutATokenIsAudited() {
		String requestId = identified("/fhir/" + patient, null, 401);

		AuditEvent denial = single(auditEventsOf(requestId));
		assertThat(denial.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(denial.getOutcomeDesc()).startsWith("401 ");
		assertThat(denial.getAgent()).extracting(agent -> agent.getWho().getDisplay()).contains("unauthenticated user");
		assertThat(entities(denial)).contains(patient);
	}

	@Test
	void aBodyRefusedBeforeTheServerReadsItIsAuditedWithTheCaller() {
		String requestId = newRequestId();
		// Not UTF-8: refused by the request limits before HAPI sees the request.
		HttpResponse<String> refused = send(request("/fhir/Observation").header("Content-Type", FHIR_JSON)
				.header("X-Request-ID", requestId)
				.header("Authorization", "Bearer " + token(Client.EHR_BACKEND, "system/*.cruds"))
				.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xff, '}'})).build());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);

		AuditEvent refusal = single(auditEventsOf(requestId));
		assertThat(refusal.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(refusal.getOutcomeDesc()).startsWith("400 ");
		assertThat(refusal.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
		assertThat(user(refusal)).isEqualTo("ehr-backend");
	}

	/** Spring Security's firewall refuses a URL with a semicolon before any filter reads the token. */
	@Test
	void aUrlTheFirewallRefusesIsAudited() {
		String requestId = identified("/fhir/" + patient + ";v=1", token(Client.EHR_BACKEND, "system/*.rs"), 400);

		AuditEvent refusal = single(auditEventsOf(requestId));
		assertThat(refusal.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(refusal.getOutcomeDesc()).isEqualTo("400 The request URL or a header is malformed");
		assertThat(refusal.getAgent()).extracting(agent -> agent.getWho().getDisplay()).contains("unauthenticated user");
		assertThat(entities(refusal)).as("no resource named by an id FHIR does not allow").doesNotContain(patient);
	}

	@Test
	void aFailureIsAuditedWithItsStatus() {
		String requestId = identified("/fhir/Observation/no-such-" + unique.substring(0, 8), token(Client.EHR_BACKEND, "system/*.rs"), 404);

		AuditEvent failure = single(auditEventsOf(requestId));
		assertThat(failure.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
		assertThat(failure.getOutcomeDesc()).startsWith("404 ");
		assertThat(failure.getSubtypeFirstRep().getCode()).isEqualTo("read");
	}

	/**
	 * A read's event waits in the outbox; a batch that reads an Observation and then deletes it
	 * answers after the delete has committed, so the read's event is stored after the Observation
	 * is gone. It is stored all the same, naming the Observation by identifier.
	 */
	@Test
	void aReadWhoseResourceIsDeletedBeforeItsEventIsStoredIsStillAudited() {
		String observation = storedObservation();
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl(observation);
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(observation);
		String requestId = newRequestId();
		HttpResponse<String> answered = send(request("/fhir").header("Content-Type", FHIR_JSON).header("X-Request-ID", requestId)
				.header("Authorization", "Bearer " + token(Client.EHR_BACKEND, "system/*.cruds"))
				.POST(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(batch))).build());
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

		AuditEvent read = single(auditEventsOf(requestId).stream().filter(event -> event.getAction() == AuditEvent.AuditEventAction.R).toList());
		assertThat(read.getEntity()).anySatisfy(entity -> {
			assertThat(entity.getWhat().getIdentifier().getSystem()).isEqualTo(AuditEventStore.ABSENT);
			assertThat(entity.getWhat().getIdentifier().getValue()).startsWith(observation);
		});
	}

	/** A row the trail cannot store is tried three times and left for an operator; the events after it are stored. */
	@Test
	void anOutboxRowThatCannotBeStoredHoldsNothingBack() {
		JdbcTemplate database = new JdbcTemplate(dataSource);
		database.update("INSERT INTO CB_AUDIT_OUTBOX (EVENT) VALUES ('{\"resourceType\":\"AuditEvent\",')");
		long poison = database.queryForObject("SELECT MAX(ID) FROM CB_AUDIT_OUTBOX", Long.class);
		try {
			String requestId = identified("/fhir/" + patient, token(Client.EHR_BACKEND, "system/*.rs"), 200);

			assertThat(single(auditEventsOf(requestId)).getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
			assertThat(database.queryForObject("SELECT FAILURES FROM CB_AUDIT_OUTBOX WHERE ID = ?", Integer.class, poison))
					.isEqualTo(AuditOutbox.ATTEMPTS);
		} finally {
			database.update("DELETE FROM CB_AUDIT_OUTBOX WHERE ID = ?", poison);
		}
	}

	@Test
	void anOperationIsAuditedWithThePatientsItsAnswerHolds() {
		String requestId = identified("/fhir/" + patient + "/$everything", token(Client.EHR_BACKEND, "system/*.rs"), 200);

		AuditEvent operation = single(auditEventsOf(requestId));
		assertThat(operation.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
		assertThat(operation.getSubtypeFirstRep().getCode()).isEqualTo("operation");
		assertThat(operation.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
		assertThat(entities(operation)).contains(patient);
		assertThat(operation.getEntity()).anySatisfy(entity -> assertThat(entity.getDescription()).contains("$everything"));
	}

	@Test
	void editingAnEventInTheDatabaseBreaksTheChainAtThatEvent() {
		String requestId = identified("/fhir/" + patient, token(Client.EHR_BACKEND, "system/*.rs"), 200);
		String event = single(auditEventsOf(requestId)).getIdElement().toUnqualifiedVersionless().getValue();
		long row = sealedRow(event);
		assertThat(parameter(verifyChain(), "intact")).isEqualTo("true");

		JdbcTemplate database = new JdbcTemplate(dataSource);
		String stored = database.queryForObject("SELECT RES_TEXT_VC FROM HFJ_RES_VER WHERE RES_ID = ?", String.class, row);
		database.update("UPDATE HFJ_RES_VER SET RES_TEXT_VC = ? WHERE RES_ID = ?",
				stored.replace("\"outcome\":\"0\"", "\"outcome\":\"4\""), row);
		try {
			Parameters tampered = verifyChain();
			assertThat(parameter(tampered, "intact")).isEqualTo("false");
			Parameters.ParametersParameterComponent broken = tampered.getParameter("brokenLink");
			assertThat(((Reference) broken.getPart().stream().filter(part -> part.getName().equals("event")).findFirst()
					.orElseThrow().getValue()).getReference()).isEqualTo(event);
			assertThat(broken.getPart()).anySatisfy(part -> assertThat(part.getValue().primitiveValue()).contains("changed"));
		} finally {
			database.update("UPDATE HFJ_RES_VER SET RES_TEXT_VC = ? WHERE RES_ID = ?", stored, row);
		}
		Parameters restored = verifyChain();
		assertThat(parameter(restored, "intact")).as("the event as it was sealed: %s",
				fhirContext.newJsonParser().encodeResourceToString(restored)).isEqualTo("true");
	}

	@Test
	void retentionRemovesOldEventsForGoodAndTheChainStillChecksOut() {
		String requestId = identified("/fhir/" + patient, token(Client.EHR_BACKEND, "system/*.rs"), 200);
		String event = single(auditEventsOf(requestId)).getIdElement().toUnqualifiedVersionless().getValue();
		sealedRow(event);

		assertThat(retention.removeStoredBefore(Instant.now())).isPositive();

		assertThat(get("/fhir/" + event, auditor).statusCode()).as("expunged, every version").isEqualTo(404);
		assertThat(auditEventsOf(requestId)).isEmpty();
		Parameters verified = verifyChain();
		assertThat(parameter(verified, "intact")).as(fhirContext.newJsonParser().encodeResourceToString(verified)).isEqualTo("true");
	}

	@Test
	void noClientExpungesTheTrail() {
		HttpResponse<String> everything = send(request("/fhir/$expunge").header("Content-Type", FHIR_JSON)
				.header("Authorization", "Bearer " + token(Client.EHR_BACKEND, "system/casebridge.admin"))
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"expungeEverything\",\"valueBoolean\":true}]}"))
				.build());

		assertThat(everything.statusCode()).as(everything.body()).isEqualTo(405);
		assertThat(get("/fhir/" + patient, token(Client.EHR_BACKEND, "system/*.rs")).statusCode()).isEqualTo(200);
	}

	@Test
	void onlyAnAuditScopeVerifiesTheChain() {
		assertThat(get("/fhir/AuditEvent/$verify-chain", token(Client.EHR_BACKEND, "system/*.rs")).statusCode()).isEqualTo(403);
		assertOperationDefinedByOurPackage("AuditEvent", "verify-chain");
	}

	/** A heart rate of the client's, stored; its reference. */
	private String storedObservation() {
		Observation measured = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(patient));
		measured.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
		return stored(measured).getReference();
	}

	/** A GET carrying a fresh X-Request-ID (and {@code token}, unless null); the request id, by which its events are found. */
	private String identified(String path, String token, int expectedStatus) {
		String requestId = newRequestId();
		HttpRequest.Builder request = request(path).header("Accept", FHIR_JSON).header("X-Request-ID", requestId);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = send(request.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return requestId;
	}

	/** The event's row in HAPI's tables, once the sealer has linked it into the chain. */
	private long sealedRow(String event) {
		JdbcTemplate database = new JdbcTemplate(dataSource);
		long row = database.queryForObject("SELECT RES_ID FROM HFJ_RESOURCE WHERE RES_TYPE = 'AuditEvent' AND FHIR_ID = ?",
				Long.class, new IdType(event).getIdPart());
		Eventually.until(event + " sealed", Duration.ofSeconds(30), () ->
				database.queryForObject("SELECT COUNT(*) FROM CB_AUDIT_CHAIN WHERE EVENT_PID = ?", Long.class, row) > 0);
		return row;
	}

	private Parameters verifyChain() {
		HttpResponse<String> verified = get("/fhir/AuditEvent/$verify-chain", auditor);
		assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
		return parse(verified, Parameters.class);
	}

	private static String parameter(Parameters parameters, String name) {
		return parameters.getParameter(name).getValue().primitiveValue();
	}

	private List<AuditEvent> events(String query) {
		awaitAuditTrail();
		HttpResponse<String> found = get("/fhir/AuditEvent?" + query + "&_count=100", auditor);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return parse(found, Bundle.class).getEntry().stream().map(entry -> (AuditEvent) entry.getResource()).toList();
	}

	/** What an event's entities reference, version left out (the trail's references are versioned: they never block a delete). */
	private static List<String> entities(AuditEvent event) {
		return event.getEntity().stream().filter(entity -> entity.getWhat().hasReference())
				.map(entity -> entity.getWhat().getReferenceElement().toUnqualifiedVersionless().getValue()).toList();
	}

	private AuditEvent single(List<AuditEvent> events) {
		assertThat(events).as(() -> events.stream().map(fhirContext.newJsonParser()::encodeResourceToString).toList().toString())
				.hasSize(1);
		return events.get(0);
	}
}

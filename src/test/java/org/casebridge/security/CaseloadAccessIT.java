package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.casebridge.Responses;
import org.casebridge.security.TestAuthorizationServer.Client;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leak matrix of caseload-scoped access (issue 13): case manager A's token ({@code user/}
 * scopes, {@code fhirUser} = A's Practitioner) reaches the clients on A's care teams, by A or by
 * A's PractitionerRole, and never any id, content or count of case manager B's client, on any
 * path. Each test is one cell; {@link #assertNothingOfB} is the check every cell shares: whatever
 * the status, the answer holds none of B's ids or names. And every request a cell makes is in the
 * audit trail (issue 14, {@link #eachRequestIsAudited}): by the case manager who made it, naming
 * what it asked for, with its outcome; a refusal names B's client when it asked for B's record,
 * and no successful event ever names B's client.
 */
class CaseloadAccessIT extends SecuredServerTestBase {

	/** The code of the Observations the caseloads are stored with, and of those tests write. */
	private static final String CODE = "8867-4";
	private static final String WRITTEN_CODE = "72133-2";
	private static final String TAG = "urn:casebridge:test:leak";
	private static final String CONDITIONAL = "urn:casebridge:test:conditional";

	/** Stored once per test JVM: both caseloads. */
	private static Caseloads caseloads;

	private String readOnly;
	private String readWrite;
	/** The requests this cell sent with a case manager's token, by request id, and who sent them. */
	private final Map<String, Sent> sent = new LinkedHashMap<>();

	private record Sent(HttpRequest request, HttpResponse<String> response, String user) {}

	/** What each caseload holds: a client's Patient, Observation, CarePlan, referral and its Task. */
	private record ClientRecord(String patient, String family, String observation, String observationTag,
			String conditionalTag, String carePlan, String referral, String task) {

		List<String> markers() {
			return List.of(idOf(patient), family, idOf(observation), observationTag, idOf(carePlan), idOf(referral),
					idOf(task));
		}
	}

	private record Caseloads(String role, ClientRecord a1, ClientRecord a2, ClientRecord b1, String questionnaireResponseOfB) {}

	@BeforeEach
	void storeTwoCaseloads() {
		readOnly = token(Client.CASE_MANAGER_APP, "user/*.rs");
		readWrite = token(Client.CASE_MANAGER_APP, "user/*.cruds");
		synchronized (CaseloadAccessIT.class) {
			if (caseloads == null) {
				String a = storePractitioner(TestAuthorizationServer.CASE_MANAGER);
				String b = storePractitioner(TestAuthorizationServer.OTHER_CASE_MANAGER);
				String role = stored(new PractitionerRole().setPractitioner(new Reference(a))).getReference();
				ClientRecord b1 = clientOf(b, "Birch");
				caseloads = new Caseloads(role, clientOf(a, "Alder"), clientOf(role, "Aspen"), b1,
						stored(Responses.phq9(new Reference(b1.patient()), 1, 1, 1, 0, 0, 0, 0, 0, 0)).getReference());
			}
		}
	}

	@AfterEach
	void eachRequestIsAudited() {
		assertThat(sent).as("the requests of this cell").isNotEmpty();
		sent.forEach((requestId, exchange) -> {
			String asked = exchange.request().method() + " " + exchange.request().uri() + " -> " + exchange.response().statusCode();
			List<AuditEvent> events = auditEventsOf(requestId);
			assertThat(events).as(asked).isNotEmpty().allSatisfy(event -> assertThat(user(event)).as(asked).isEqualTo(exchange.user()));
			if (exchange.request().uri().getPath().equals("/fhir")) {
				// A batch or transaction: an event per entry, each with its entry's outcome.
				assertThat(events).as(asked).hasSizeGreaterThanOrEqualTo(parse(exchange.response(), Bundle.class).getEntry().size());
			} else {
				assertThat(events).as(asked).allSatisfy(event -> assertThat(event.getOutcome()).as(asked).isEqualTo(
						exchange.response().statusCode() < 400 ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4));
			}
			String[] path = exchange.request().uri().getPath().replaceFirst("^/fhir/?", "").split("/");
			String target = path.length < 2 || path[1].startsWith("$") || path[1].startsWith("_") ? path[0] : path[0] + "/" + path[1];
			assertThat(events).as("%s: an event names %s", asked, target)
					.anySatisfy(event -> assertThat(named(event)).anyMatch(name -> name.contains(target)));
			if (exchange.user().endsWith(TestAuthorizationServer.CASE_MANAGER)) {
				assertThat(events.stream().filter(event -> event.getOutcome() == AuditEvent.AuditEventOutcome._0)
						.flatMap(event -> patients(event).stream())).as("%s: what A was shown", asked).doesNotContain(b1().patient());
			}
			String url = exchange.request().uri().toString();
			boolean askedForB = b1().markers().stream().anyMatch(url::contains) || url.contains(idOf(caseloads.questionnaireResponseOfB()));
			if (exchange.response().statusCode() >= 400 && askedForB) {
				assertThat(events.stream().flatMap(event -> patients(event).stream())).as(asked).contains(b1().patient());
			}
		});
	}

	@Override
	protected HttpResponse<String> send(HttpRequest request) {
		String token = request.headers().firstValue("Authorization").map(value -> value.substring("Bearer ".length())).orElse("");
		String user = token.equals(readOnly) || token.equals(readWrite) ? "Practitioner/" + TestAuthorizationServer.CASE_MANAGER
				: token.equals(token(Client.OTHER_CASE_MANAGER_APP, "user/*.rs"))
						? "Practitioner/" + TestAuthorizationServer.OTHER_CASE_MANAGER : null;
		if (user == null) {
			return super.send(request);
		}
		String requestId = newRequestId();
		HttpRequest identified = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Request-ID", requestId).build();
		HttpResponse<String> response = super.send(identified);
		sent.put(requestId, new Sent(identified, response, user));
		return response;
	}

	@Test
	void read() {
		assertRefused(get("/fhir/" + b1().patient(), readOnly));
		assertThat(get("/fhir/" + a1().patient(), readOnly).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/" + a2().patient(), readOnly).statusCode()).as("a client on A's role's care team").isEqualTo(200);
	}

	@Test
	void vread() {
		assertRefused(get("/fhir/" + b1().observation() + "/_history/1", readOnly));
		assertThat(get("/fhir/" + a1().observation() + "/_history/1", readOnly).statusCode()).isEqualTo(200);
	}

	@Test
	void search() {
		assertThat(ids(search("/fhir/Observation?code=" + CODE + "&_count=100&_total=accurate", 2)))
				.containsExactlyInAnyOrder(a1().observation(), a2().observation());
		assertThat(ids(search("/fhir/Patient?_count=100", 2))).containsExactlyInAnyOrder(a1().patient(), a2().patient());
	}

	@Test
	void searchByContent() {
		search("/fhir/Patient?family=" + b1().family(), 0);
		search("/fhir/Observation?identifier=" + encoded(TAG + "|" + b1().observationTag()), 0);
	}

	@Test
	void counts() {
		assertThat(total(get("/fhir/Observation?code=" + CODE + "&_summary=count", readOnly))).isEqualTo(2);
		assertThat(total(get("/fhir/Patient?_summary=count", readOnly))).isEqualTo(2);
		assertThat(total(get("/fhir/Task?_summary=count", readOnly))).isEqualTo(2);
	}

	@Test
	void include() {
		assertThat(ids(search("/fhir/CarePlan?_include=CarePlan:subject&_count=100", 2))).containsExactlyInAnyOrder(
				a1().carePlan(), a2().carePlan(), a1().patient(), a2().patient());
	}

	@Test
	void revinclude() {
		assertThat(ids(search("/fhir/Patient?_revinclude=Observation:subject&_count=100", 2))).contains(
				a1().patient(), a2().patient(), a1().observation(), a2().observation());
	}

	@Test
	void has() {
		search("/fhir/Patient?_has:Observation:subject:identifier=" + encoded(TAG + "|" + b1().observationTag()), 0);
		assertThat(ids(search("/fhir/Patient?_has:Observation:subject:identifier=" + encoded(TAG + "|" + a1().observationTag()), 1)))
				.containsExactly(a1().patient());
	}

	@Test
	void chain() {
		search("/fhir/Observation?subject.family=" + b1().family(), 0);
		assertThat(ids(search("/fhir/Observation?subject.family=" + a1().family(), 1))).containsExactly(a1().observation());
	}

	@Test
	void history() {
		assertRefused(get("/fhir/" + b1().patient() + "/_history", readOnly));
		assertThat(get("/fhir/" + a1().patient() + "/_history", readOnly).statusCode()).isEqualTo(200);
		// A client's other records' histories are judged version by version: a plan's revisions, a referral's story.
		for (String own : List.of(a1().carePlan(), a1().task())) {
			HttpResponse<String> versions = get("/fhir/" + own + "/_history", readOnly);
			assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
			assertThat(ids(parse(versions, Bundle.class))).isNotEmpty().containsOnly(own);
		}
		assertRefused(get("/fhir/" + b1().carePlan() + "/_history", readOnly));
		assertRefused(get("/fhir/" + b1().task() + "/_history", readOnly));
		// A type's or the server's history is not narrowed: it is refused as soon as it holds anything of another caseload.
		assertNothingOfB(get("/fhir/Observation/_history?_count=1000", readOnly));
		assertNothingOfB(get("/fhir/_history?_count=1000", readOnly));
	}

	@Test
	void everything() {
		assertRefused(get("/fhir/" + b1().patient() + "/$everything", readOnly));
		HttpResponse<String> own = get("/fhir/" + a1().patient() + "/$everything?_count=1000", readOnly);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(ids(parse(own, Bundle.class))).contains(a1().patient(), a1().observation(), a1().carePlan(), a1().task());
		assertNothingOfB(own);
	}

	@Test
	void caseload() {
		assertRefused(get("/fhir/Practitioner/" + TestAuthorizationServer.OTHER_CASE_MANAGER + "/$caseload", readOnly));
		assertRefused(get("/fhir/$caseload?practitioner=Practitioner/" + TestAuthorizationServer.OTHER_CASE_MANAGER, readOnly));
		assertThat(caseloadClients("/fhir/Practitioner/" + TestAuthorizationServer.CASE_MANAGER + "/$caseload"))
				.containsExactlyInAnyOrder(a1().patient(), a2().patient());
		assertThat(caseloadClients("/fhir/$caseload?practitioner=Practitioner/" + TestAuthorizationServer.CASE_MANAGER))
				.containsExactlyInAnyOrder(a1().patient(), a2().patient());
		assertThat(caseloadClients("/fhir/" + caseloads.role() + "/$caseload")).containsExactly(a2().patient());
	}

	@Test
	void export() {
		assertRefused(send(request("/fhir/$export").header("Accept", FHIR_JSON).header("Prefer", "respond-async")
				.header("Authorization", "Bearer " + readOnly).GET().build()));
		assertRefused(send(request("/fhir/Patient/$export").header("Accept", FHIR_JSON).header("Prefer", "respond-async")
				.header("Authorization", "Bearer " + readOnly).GET().build()));
	}

	@Test
	void apply() {
		assertRefused(get("/fhir/PlanDefinition/general/$apply?subject=" + b1().patient(), readOnly));
		HttpResponse<String> own = get("/fhir/PlanDefinition/general/$apply?subject=" + a1().patient(), readOnly);
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
	}

	@Test
	void extract() {
		assertRefused(send(request("/fhir/" + caseloads.questionnaireResponseOfB() + "/$extract")
				.header("Accept", FHIR_JSON).header("Authorization", "Bearer " + readOnly)
				.POST(HttpRequest.BodyPublishers.noBody()).build()));
	}

	@Test
	void batchAndTransactionReads() {
		for (String type : List.of("batch", "transaction")) {
			HttpResponse<String> response = sendAs(readOnly, "POST", "/fhir", """
					{"resourceType":"Bundle","type":"%s","entry":[
					 {"request":{"method":"GET","url":"%s"}},
					 {"request":{"method":"GET","url":"Observation?identifier=%s|%s"}},
					 {"request":{"method":"GET","url":"Patient?_summary=count"}}]}"""
					.formatted(type, b1().patient(), TAG, b1().observationTag()));
			assertNothingOfB(response);
		}
	}

	@Test
	void conditionalCreateDoesNotFindAnotherCaseloadsMatch() {
		HttpResponse<String> created = send(request("/fhir/Observation").header("Content-Type", FHIR_JSON)
				.header("Accept", FHIR_JSON).header("Authorization", "Bearer " + readWrite)
				.header("If-None-Exist", "identifier=" + CONDITIONAL + "|" + b1().conditionalTag())
				.POST(HttpRequest.BodyPublishers.ofString(json(conditionallyMatching(b1())))).build());

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertNothingOfB(created);
	}

	@Test
	void conditionalUpdateDoesNotFindAnotherCaseloadsMatch() {
		HttpResponse<String> updated = sendAs(readWrite, "PUT",
				"/fhir/Observation?identifier=" + encoded(CONDITIONAL + "|" + b1().conditionalTag()),
				json(conditionallyMatching(b1())));

		// 201, or 200 where the conditional create above stored A's own match first; never B's.
		assertThat(updated.statusCode()).as(updated.body()).isIn(200, 201);
		assertThat(parse(updated, Observation.class).getSubject().getReference()).isEqualTo(a1().patient());
		assertNothingOfB(updated);
		assertThat(client.read().resource(Observation.class).withId(b1().observation()).execute().getMeta().getVersionId())
				.isEqualTo("1");
	}

	@Test
	void writesToAnotherCaseload() {
		assertRefused(sendAs(readWrite, "PATCH", "/fhir/" + b1().observation(), """
				[{"op":"replace","path":"/status","value":"amended"}]""", "application/json-patch+json"));
		assertRefused(sendAs(readWrite, "DELETE", "/fhir/" + b1().observation(), null));
		Patient renamed = client.read().resource(Patient.class).withId(b1().patient()).execute();
		renamed.getNameFirstRep().setFamily("Renamed");
		assertRefused(sendAs(readWrite, "PUT", "/fhir/" + b1().patient(), json(renamed)));
		assertRefused(sendAs(readWrite, "POST", "/fhir/Observation", json(observation(b1().patient(), WRITTEN_CODE, "new-" + unique))));

		Observation untouched = client.read().resource(Observation.class).withId(b1().observation()).execute();
		assertThat(untouched.getStatus()).isEqualTo(ObservationStatus.FINAL);
		assertThat(untouched.getMeta().getVersionId()).isEqualTo("1");
		assertThat(client.read().resource(Patient.class).withId(b1().patient()).execute().getNameFirstRep().getFamily())
				.isEqualTo(b1().family());
	}

	@Test
	void writesToOwnCaseload() {
		HttpResponse<String> created = sendAs(readWrite, "POST", "/fhir/Observation", json(observation(a1().patient(), WRITTEN_CODE, "own-" + unique)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		HttpResponse<String> patched = sendAs(readWrite, "PATCH", "/fhir/" + a1().carePlan(), """
				[{"op":"replace","path":"/title","value":"Revised plan"}]""", "application/json-patch+json");
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
	}

	@Test
	void referralTasks() {
		assertRefused(get("/fhir/" + b1().task(), readOnly));
		assertThat(ids(search("/fhir/Task?_count=100", 2))).containsExactlyInAnyOrder(a1().task(), a2().task());
		search("/fhir/Task?focus=" + b1().referral(), 0);
	}

	@Test
	void joiningACareTeamOpensTheRecordAndLeavingItClosesItOnTheNextRequest() {
		String newcomer = newClient().getReference();
		assertThat(get("/fhir/" + newcomer, readOnly).statusCode()).isEqualTo(403);

		String team = storeCareTeam(newcomer, "Practitioner/" + TestAuthorizationServer.CASE_MANAGER);
		assertThat(get("/fhir/" + newcomer, readOnly).statusCode()).isEqualTo(200);

		CareTeam ended = client.read().resource(CareTeam.class).withId(team).execute();
		ended.getParticipantFirstRep().getPeriod().setEnd(date(LocalDate.now().minusDays(1)));
		client.update().resource(ended).execute();
		assertThat(get("/fhir/" + newcomer, readOnly).statusCode()).isEqualTo(403);
	}

	@Test
	void theOtherCaseManagerSeesNothingOfA() {
		String tokenOfB = token(Client.OTHER_CASE_MANAGER_APP, "user/*.rs");
		assertRefused(get("/fhir/" + a1().patient(), tokenOfB));
		HttpResponse<String> patientsOfB = get("/fhir/Patient?_count=100", tokenOfB);
		assertThat(patientsOfB.statusCode()).as(patientsOfB.body()).isEqualTo(200);
		assertThat(ids(parse(patientsOfB, Bundle.class))).containsExactly(b1().patient());
	}

	@Test
	void theDirectoryIsReadableToEveryToken() {
		for (String token : List.of(readOnly, token(Client.PATIENT_APP, "patient/*.rs"), token(Client.EHR_BACKEND, "system/Patient.rs"))) {
			assertThat(get("/fhir/Practitioner/" + TestAuthorizationServer.OTHER_CASE_MANAGER, token).statusCode()).isEqualTo(200);
			assertThat(get("/fhir/PlanDefinition/general", token).statusCode()).isEqualTo(200);
			assertThat(get("/fhir/HealthcareService?_count=1", token).statusCode()).isEqualTo(200);
			assertThat(get("/fhir/Questionnaire?_count=1", token).statusCode()).isEqualTo(200);
		}
	}

	/** Everything an event names: its entities' references, identifiers and descriptions (a query's URL). */
	private static List<String> named(AuditEvent event) {
		return event.getEntity().stream().flatMap(entity -> Stream.of(entity.getWhat().getReference(),
				entity.getWhat().getIdentifier().getValue(), entity.getDescription())).filter(Objects::nonNull).toList();
	}

	private static List<String> patients(AuditEvent event) {
		return event.getEntity().stream().filter(entity -> "1".equals(entity.getRole().getCode()) && entity.getWhat().hasReference())
				.map(entity -> entity.getWhat().getReferenceElement().toUnqualifiedVersionless().getValue()).toList();
	}

	private static ClientRecord a1() {
		return caseloads.a1();
	}

	private static ClientRecord a2() {
		return caseloads.a2();
	}

	private static ClientRecord b1() {
		return caseloads.b1();
	}

	private ClientRecord clientOf(String member, String name) {
		String family = name + unique.substring(0, 8);
		Patient patient = new Patient();
		patient.addName().setFamily(family).addGiven("Client");
		String client = stored(patient).getReference();
		storeCareTeam(client, member);
		String tag = family + "-observation";
		String conditionalTag = UUID.randomUUID().toString();
		Observation measured = observation(client, CODE, tag);
		measured.addIdentifier().setSystem(CONDITIONAL).setValue(conditionalTag);
		String observation = stored(measured).getReference();
		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN).setSubject(new Reference(client))
				.setTitle(family + "'s plan");
		String carePlan = stored(plan).getReference();
		ServiceRequest request = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
				.setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(new Reference(client))
				.setCode(new CodeableConcept().setText("Housing referral"));
		String referral = stored(request).getReference();
		Task task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
				.setFor(new Reference(client)).setFocus(new Reference(referral));
		task.getCode().addCoding(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", null));
		return new ClientRecord(client, family, observation, tag, conditionalTag, carePlan, referral, stored(task).getReference());
	}

	private static Observation observation(String patient, String code, String tag) {
		Observation observation = new Observation().setStatus(ObservationStatus.FINAL).setSubject(new Reference(patient));
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode(code);
		observation.addIdentifier().setSystem(TAG).setValue(tag);
		return observation;
	}

	/** An Observation of A's client that a conditional create or update by A would match with B's. */
	private static Observation conditionallyMatching(ClientRecord of) {
		Observation observation = new Observation().setStatus(ObservationStatus.FINAL).setSubject(new Reference(a1().patient()));
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode(WRITTEN_CODE);
		observation.addIdentifier().setSystem(CONDITIONAL).setValue(of.conditionalTag());
		return observation;
	}

	/** A search by A's token that answers 200 with {@code expectedTotal} matches, and nothing of B. */
	private Bundle search(String path, int expectedTotal) {
		HttpResponse<String> response = get(path, readOnly);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Bundle bundle = parse(response, Bundle.class);
		if (bundle.hasTotal()) {
			assertThat(bundle.getTotal()).as(path).isEqualTo(expectedTotal);
		}
		assertThat(bundle.getEntry().stream().filter(entry -> entry.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE))
				.as(path).hasSize(expectedTotal);
		assertNothingOfB(response);
		return bundle;
	}

	private int total(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertNothingOfB(response);
		return parse(response, Bundle.class).getTotal();
	}

	private List<String> caseloadClients(String path) {
		HttpResponse<String> response = get(path, readOnly);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertNothingOfB(response);
		List<String> clients = new ArrayList<>();
		parse(response, Parameters.class).getParameter().stream().filter(parameter -> parameter.getName().equals("client"))
				.forEach(parameter -> clients.add(((Reference) parameter.getPart().stream()
						.filter(part -> part.getName().equals("patient")).findFirst().orElseThrow().getValue()).getReference()));
		return clients;
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}

	/** Refused (403, or 404 as for what does not exist) with an OperationOutcome that names nothing of B. */
	private void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
		assertThat(response.body()).contains("OperationOutcome");
		assertNothingOfB(response);
	}

	/**
	 * Whatever the answer, it holds no id, name or identifier of B's client's records (a Bundle's
	 * links, which repeat the caller's own query, aside).
	 */
	private void assertNothingOfB(HttpResponse<String> response) {
		String body = response.body();
		if (body.startsWith("{\"resourceType\":\"Bundle\"")) {
			Bundle bundle = parse(response, Bundle.class);
			bundle.getLink().clear();
			body = json(bundle);
		}
		String answer = body;
		assertThat(b1().markers()).as("B's markers in %s", answer)
				.noneMatch(marker -> answer.contains(marker)
						|| response.headers().allValues("Location").stream().anyMatch(location -> location.contains(marker))
						|| response.headers().allValues("Content-Location").stream().anyMatch(location -> location.contains(marker)));
	}

	private HttpResponse<String> sendAs(String token, String method, String path, String body) {
		return sendAs(token, method, path, body, FHIR_JSON);
	}

	private HttpResponse<String> sendAs(String token, String method, String path, String body, String contentType) {
		HttpRequest.Builder request = request(path).header("Accept", FHIR_JSON).header("Authorization", "Bearer " + token);
		if (body == null) {
			return send(request.method(method, HttpRequest.BodyPublishers.noBody()).build());
		}
		return send(request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private String json(Resource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String idOf(String reference) {
		return reference.substring(reference.indexOf('/') + 1);
	}
}

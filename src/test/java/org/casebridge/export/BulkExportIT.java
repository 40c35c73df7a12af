package org.casebridge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamStatus;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FHIR Bulk Data export as an EHR runs it (bulk-data/export.html): kick-off with
 * {@code Prefer: respond-async}, polling the status URL until the manifest, downloading each NDJSON
 * file. The database is shared between runs, so every export is narrowed to this test's data by a
 * caseload Group of its own or by {@code _since}.
 */
class BulkExportIT extends FhirServerTestBase {

	private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(120);
	private static final String CASELOAD = "http://casebridge.org/fhir/sid/caseload";

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void aGroupExportHoldsOneCaseManagersClientsExactly() {
		Reference manager = newPractitioner();
		Reference role = stored(new PractitionerRole().setPractitioner(manager));
		Reference direct = newClient();
		Reference throughRole = newClient();
		Reference someoneElses = newClient();
		Reference directTeam = careTeam(direct, manager);
		Reference roleTeam = careTeam(throughRole, role);
		careTeam(someoneElses, newPractitioner());
		Reference directGoal = goal(direct);
		Reference roleGoal = goal(throughRole);
		goal(someoneElses);
		Reference directTask = task(direct);
		Reference roleTask = task(throughRole);
		task(someoneElses);
		String group = caseload(manager);

		JsonNode manifest = export("/fhir/Group/" + group + "/$export");

		assertThat(exported(manifest)).isEqualTo(Map.of(
				"Patient", ids(direct, throughRole),
				"CareTeam", ids(directTeam, roleTeam),
				"Goal", ids(directGoal, roleGoal),
				"Task", ids(directTask, roleTask),
				"Group", Set.of("Group/" + group),
				"Practitioner", ids(manager)));
	}

	@Test
	void aGroupExportNarrowedByTypeKeepsTasks() {
		Reference manager = newPractitioner();
		Reference client = newClient();
		careTeam(client, manager);
		Reference goal = goal(client);
		Reference task = task(client);

		JsonNode manifest = export("/fhir/Group/" + caseload(manager) + "/$export?_type=Goal,Task");

		assertThat(exported(manifest)).isEqualTo(Map.of("Goal", ids(goal), "Task", ids(task)));
	}

	@Test
	void aSystemExportWithoutTypeLeavesTheAuditTrailOutAndOneNamingItHoldsIt() {
		Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Reference patient = newClient();
		client.read().resource(Patient.class).withId(patient.getReferenceElement()).execute();

		Map<String, Set<String>> everything = exported(export("/fhir/$export?_since=" + since));
		Map<String, Set<String>> trail = exported(export("/fhir/$export?_type=AuditEvent&_since=" + since));

		assertThat(everything).containsEntry("Patient", ids(patient)).doesNotContainKey("AuditEvent");
		assertThat(trail).containsOnlyKeys("AuditEvent");
		assertThat(trail.get("AuditEvent")).as("the create's and the read's events at least").hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aSystemExportTakesTypeAndSince() {
		Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Reference first = newClient();
		Reference second = newClient();
		Reference goal = goal(first);
		careTeam(second, newPractitioner());

		String kickOff = "/fhir/$export?_type=Patient,Goal&_since=" + since;
		JsonNode manifest = export(kickOff);

		assertThat(exported(manifest)).isEqualTo(Map.of("Patient", ids(first, second), "Goal", ids(goal)));
		assertThat(manifest.get("request").asText()).isEqualTo(baseUrl() + kickOff.substring("/fhir".length()));
		assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
		assertThat(Instant.parse(manifest.get("transactionTime").asText())).isAfter(since);
		assertThat(manifest.get("error")).isEmpty();
	}

	@Test
	void aCancelledExportIsGone() {
		HttpResponse<String> kickedOff = kickOff("/fhir/$export?_type=Patient&_since=" + Instant.now().truncatedTo(ChronoUnit.MILLIS));
		String status = kickedOff.headers().firstValue("Content-Location").orElseThrow();

		HttpResponse<String> cancelled = send(HttpRequest.newBuilder(URI.create(status)).DELETE().build());
		HttpResponse<String> polled = send(HttpRequest.newBuilder(URI.create(status)).GET().build());

		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
		assertThat(parse(cancelled, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isNotBlank();
		assertThat(polled.statusCode()).as(polled.body()).isEqualTo(404);
		assertThat(parse(polled, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("cancelled");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
		"/fhir/$export?_type=Nope, 400",
		"/fhir/$export?_since=yesterday, 400",
		"/fhir/Group/no-such-caseload/$export, 404",
		"/fhir/Patient/$export?_type=Questionnaire, 400",
		"/fhir/$export-poll-status?_jobId=no-such-job, 404"
	})
	void badRequestsAreRefusedWithAnOutcome(String path, int status) {
		assertRefused(kickOff(path), status);
	}

	@Test
	void aKickOffMustAskForAsyncProcessing() {
		assertRefused(send(request("/fhir/$export").GET().build()), 400);
	}

	@Test
	void theCapabilityStatementOffersExportAtEachLevel() {
		CapabilityStatementRestComponent rest = client.capabilities().ofType(CapabilityStatement.class).execute()
				.getRestFirstRep();

		assertThat(rest.getOperation()).anySatisfy(operation -> {
			assertThat(operation.getName()).isEqualTo("export");
			assertThat(operation.getDefinition()).isEqualTo("http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export");
		});
		for (String type : List.of("Patient", "Group")) {
			assertThat(rest.getResource()).filteredOn(resource -> resource.getType().equals(type)).singleElement()
					.satisfies(resource -> assertThat(resource.getOperation())
							.anySatisfy(operation -> assertThat(operation.getName()).isEqualTo("export")));
		}
	}

	private static void assertRefused(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains("\"resourceType\":\"OperationOutcome\"");
	}

	private HttpResponse<String> kickOff(String path) {
		return send(request(path).header("Accept", FHIR_JSON).header("Prefer", "respond-async").GET().build());
	}

	/** Kicks off, then polls the status URL (202 with X-Progress) until the manifest (200). */
	private JsonNode export(String path) {
		HttpResponse<String> kickedOff = kickOff(path);
		assertThat(kickedOff.statusCode()).as(kickedOff.body()).isEqualTo(202);
		URI status = URI.create(kickedOff.headers().firstValue("Content-Location").orElseThrow());
		Instant deadline = Instant.now().plus(EXPORT_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> polled = send(HttpRequest.newBuilder(status).GET().build());
			if (polled.statusCode() == 200) {
				assertThat(polled.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
						.startsWith("application/json"));
				return read(polled.body());
			}
			assertThat(polled.statusCode()).as(polled.body()).isEqualTo(202);
			assertThat(polled.headers().firstValue("X-Progress")).isPresent();
			// The job step interval (5 s), not HAPI's two minutes.
			assertThat(polled.headers().firstValue("Retry-After")).contains("5");
			pause();
		}
		throw new AssertionError("Export " + status + " not complete within " + EXPORT_TIMEOUT);
	}

	/** Each output file downloaded and read, as {@code Type/id} by type; a file holds one type. */
	private Map<String, Set<String>> exported(JsonNode manifest) {
		Map<String, Set<String>> byType = new TreeMap<>();
		for (JsonNode output : manifest.get("output")) {
			String type = output.get("type").asText();
			assertThat(output.get("url").asText()).startsWith(baseUrl() + "/Binary/");
			HttpResponse<String> file = send(HttpRequest.newBuilder(URI.create(output.get("url").asText()))
					.header("Accept", "application/fhir+ndjson").GET().build());
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type")).contains("application/fhir+ndjson");
			for (String line : file.body().split("\n")) {
				IBaseResource resource = fhirContext.newJsonParser().parseResource(line);
				assertThat(resource.fhirType()).isEqualTo(type);
				assertThat(byType.computeIfAbsent(type, t -> new TreeSet<>())
						.add(resource.getIdElement().toUnqualifiedVersionless().getValue())).as("exported once").isTrue();
			}
		}
		return byType;
	}

	private String caseload(Reference manager) {
		Bundle groups = client.search().forResource(Group.class)
				.where(Group.IDENTIFIER.exactly().systemAndCode(CASELOAD, manager.getReferenceElement().getIdPart()))
				.returnBundle(Bundle.class).execute();
		assertThat(groups.getEntry()).hasSize(1);
		return groups.getEntryFirstRep().getResource().getIdElement().getIdPart();
	}

	private Reference careTeam(Reference client, Reference member) {
		CareTeam team = new CareTeam().setStatus(CareTeamStatus.ACTIVE).setSubject(client);
		team.addParticipant().setMember(member);
		return stored(team);
	}

	private Reference goal(Reference client) {
		Goal goal = new Goal().setLifecycleStatus(GoalLifecycleStatus.ACTIVE).setSubject(client);
		goal.getDescription().setText("Stable housing");
		return stored(goal);
	}

	private Reference task(Reference client) {
		return stored(new Task().setStatus(TaskStatus.REQUESTED).setIntent(TaskIntent.ORDER).setFor(client)
				.setDescription("Call the housing agency"));
	}

	private static Set<String> ids(Reference... references) {
		Set<String> ids = new TreeSet<>();
		for (Reference reference : references) {
			ids.add(reference.getReference());
		}
		return ids;
	}

	private JsonNode read(String body) {
		try {
			return json.readTree(body);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}

package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.casebridge.bench.IngestScenario.StoredPatient;

/**
 * Scenarios 2–6, one client each, after the ingest: creates of case-management resources,
 * the referral loop, a case manager's searches, {@code Patient/$everything} and {@code $apply}.
 */
final class RequestScenarios {

	private static final Path EXAMPLES = Path.of("fhir-profiles", "package", "example");
	private static final String EXAMPLE_CLIENT = "Patient/PatientRivera";
	private static final String CASEBRIDGE_PROFILES = "http://casebridge.org/fhir/StructureDefinition/";
	static final String IN_PROGRESS_RESPONSE = "QuestionnaireResponse in-progress";
	static final String APPLY = "$apply discharge-planning";
	static final String CAREPLAN_READ = "CarePlan read";
	static final String CAREPLAN_SEARCH = "active CarePlan with Goals and CareTeam";
	static final String TASK_SEARCH = "Task by owner and status";
	static final String ASSESSMENT_SEARCH = "latest assessments";
	/** Scenario 4's searches, by the names its figures are reported under. */
	static final List<String> SEARCHES = List.of(CAREPLAN_SEARCH, TASK_SEARCH, ASSESSMENT_SEARCH);

	private final FhirHttp fhir;
	private final int iterations;
	private final Random random;

	RequestScenarios(FhirHttp fhir, int iterations, long seed) {
		this.fhir = fhir;
		this.iterations = iterations;
		this.random = new Random(seed);
	}

	/**
	 * Scenario 2: create a copy of each CaseBridge profile's example, one per resource type. The
	 * PHQ-9 response is created completed (CaseBridge extracts its score and need in the same
	 * transaction) and in progress (validated the same way, nothing extracted), the two taking
	 * turns so that neither runs on a JVM the other has warmed up.
	 */
	Map<String, Object> creates() {
		storeExamples();
		String client = newClient();
		Map<String, Object> byType = new LinkedHashMap<>();
		Map<String, ObjectNode> examples = profiledExamples();
		examples.forEach((type, example) -> {
			if (!type.equals("QuestionnaireResponse")) {
				byType.putAll(measureInTurn(Map.of(type, create(about(example, client)))));
			}
		});
		ObjectNode completed = about(examples.get("QuestionnaireResponse"), client);
		ObjectNode inProgress = completed.deepCopy().put("status", "in-progress");
		Map<String, Request> responses = new LinkedHashMap<>();
		responses.put("QuestionnaireResponse", create(completed));
		responses.put(IN_PROGRESS_RESPONSE, create(inProgress));
		byType.putAll(measureInTurn(responses));
		return byType;
	}

	/** The resource types scenario 2 creates: those of the package's examples of CaseBridge profiles. */
	static List<String> createdTypes() {
		return List.copyOf(profiledExamples().keySet());
	}

	/**
	 * The package's examples that declare a CaseBridge profile, by resource type, the first of each
	 * type by file name (the Patient, a referral Task, a CarePlan, a PHQ-9 response, ...).
	 */
	private static Map<String, ObjectNode> profiledExamples() {
		Map<String, ObjectNode> byType = new TreeMap<>();
		for (Path file : exampleFiles()) {
			ObjectNode example = example(file);
			if (example.path("meta").path("profile").path(0).asText().startsWith(CASEBRIDGE_PROFILES)) {
				byType.putIfAbsent(example.get("resourceType").asText(), example);
			}
		}
		return byType;
	}

	/**
	 * A client of the create scenario's own: the copies it makes of each example are about this
	 * client, so that they pile up on no client another scenario reads ($apply's, the example's).
	 */
	private String newClient() {
		ObjectNode patient = withFreshIdentifier(withoutId(example("Patient-PatientRivera")));
		return "Patient/" + fhir.post("Patient", patient.toString()).path("id").asText();
	}

	/** The example as a record of another client. */
	private static ObjectNode about(ObjectNode example, String client) {
		try {
			return (ObjectNode) FhirHttp.JSON.readTree(
					example.toString().replace('"' + EXAMPLE_CLIENT + '"', '"' + client + '"'));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A create of a copy of the example; a referral Task's copy is the first Task of a referral of its own. */
	private Request create(ObjectNode example) {
		ObjectNode resource = withoutId(example.deepCopy());
		String type = resource.get("resourceType").asText();
		if (type.equals("Task")) {
			return () -> {
				ObjectNode task = withFreshIdentifier(resource);
				task.putObject("focus").put("reference", freshReferral(task.path("for").path("reference").asText()));
				return () -> fhir.post(type, task.toString());
			};
		}
		return timed(() -> fhir.post(type, withFreshIdentifier(resource).toString()));
	}

	/**
	 * A new referral, as a case manager makes one: a copy of the example ServiceRequest, proposed by
	 * an activity of a copy of the example CarePlan; its reference. Each Task the scenarios create
	 * gets one, as a client's referral has its Task: were they all to share the example's, every
	 * Task would add its progress notes to the same plan activity, which would grow by hundreds.
	 */
	private String freshReferral(String client) {
		String plan = "urn:uuid:" + UUID.randomUUID();
		String referral = "urn:uuid:" + UUID.randomUUID();
		ObjectNode carePlan = withoutId(about(example("CarePlan-CarePlanDischarge"), client));
		((ObjectNode) carePlan.get("activity").get(0).get("reference")).put("reference", referral);
		ObjectNode serviceRequest = withoutId(about(example("ServiceRequest-ServiceRequestTherapyReferral"), client));
		((ObjectNode) serviceRequest.get("basedOn").get(0)).put("reference", plan);
		ObjectNode transaction = FhirHttp.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
		ArrayNode entries = transaction.putArray("entry");
		for (Map.Entry<String, ObjectNode> created : Map.of(plan, carePlan, referral, serviceRequest).entrySet()) {
			ObjectNode entry = entries.addObject().put("fullUrl", created.getKey());
			entry.set("resource", created.getValue());
			entry.putObject("request").put("method", "POST").put("url", created.getValue().get("resourceType").asText());
		}
		for (JsonNode entry : fhir.post("", transaction.toString()).path("entry")) {
			String location = entry.path("response").path("location").asText();
			if (location.startsWith("ServiceRequest/")) {
				return location.substring(0, location.indexOf("/_history"));
			}
		}
		throw new IllegalStateException("The referral's transaction answered without its ServiceRequest");
	}

	private static ObjectNode withoutId(ObjectNode resource) {
		resource.remove("id");
		return resource;
	}

	/** Scenario 3: referral Tasks walked through the closed loop, requested → accepted → in-progress → completed. */
	Map<String, Object> referralLoop() {
		storeExamples();
		ObjectNode template = withoutId(example("Task-TaskTherapyReferralRejected"));
		template.remove("statusReason");
		Latencies updates = new Latencies();
		long started = System.nanoTime();
		for (int loop = 0; loop < iterations / 4; loop++) {
			ObjectNode task = template.deepCopy().put("status", "requested");
			task.putObject("focus").put("reference", freshReferral(EXAMPLE_CLIENT));
			String id = fhir.post("Task", task.toString()).get("id").asText();
			task.put("id", id);
			for (String status : List.of("accepted", "in-progress", "completed")) {
				if (status.equals("completed")) {
					task.putArray("output").addObject().put("valueString", "Seen for therapy intake")
							.putObject("type").put("text", "Resulting activity");
				}
				long sent = System.nanoTime();
				fhir.put("Task/" + id, task.put("status", status).toString());
				updates.add(sent);
			}
		}
		return updates.summary(IngestScenario.seconds(started));
	}

	/** Scenario 4: the searches a case manager's app makes, for randomly chosen clients. */
	Map<String, Object> searches(List<StoredPatient> patients) {
		List<String> clients = patients.stream().filter(StoredPatient::caseManagement).map(StoredPatient::id).toList();
		List<String> owners = new ArrayList<>();
		fhir.get("Task?_count=200&_elements=owner").path("entry")
				.forEach(entry -> owners.add(entry.path("resource").path("owner").path("reference").asText()));
		List<String> knownOwners = owners.stream().filter(owner -> !owner.isEmpty()).distinct().toList();
		Map<String, Object> byQuery = new LinkedHashMap<>();
		byQuery.put(CAREPLAN_SEARCH, measure("search care plans", () ->
				fhir.get("CarePlan?subject=Patient/" + pick(clients)
						+ "&status=active&_include=CarePlan:goal&_include=CarePlan:care-team")));
		byQuery.put(TASK_SEARCH, measure("search tasks", () ->
				fhir.get("Task?owner=" + encode(pick(knownOwners)) + "&status=requested,accepted,in-progress")));
		byQuery.put(ASSESSMENT_SEARCH, measure("search assessments", () ->
				fhir.get("QuestionnaireResponse?subject=Patient/" + pick(clients) + "&_sort=-authored&_count=5")));
		return byQuery;
	}

	/** Scenario 5: Patient/$everything for the Synthea patient whose history is closest to 500 resources. */
	Map<String, Object> everything(List<StoredPatient> patients) {
		StoredPatient patient = patients.stream().filter(stored -> !stored.caseManagement())
				.min(Comparator.comparingInt(stored -> Math.abs(stored.resources() - 500)))
				.orElseThrow();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("patient_resources", patient.resources());
		figures.put("returned", fhir.get("Patient/" + patient.id() + "/$everything?_count=1000").path("entry").size());
		figures.put("latency", measure("$everything", () -> fhir.get("Patient/" + patient.id() + "/$everything?_count=1000")));
		return figures;
	}

	/**
	 * Scenario 6: {@code PlanDefinition/$apply} of the discharge template to the package's example
	 * client (with their PHQ-9, score, need and care team), taking turns with a plain read of their
	 * CarePlan on the same server.
	 */
	Map<String, Object> apply() {
		storeExamples();
		Map<String, Request> requests = new LinkedHashMap<>();
		requests.put(APPLY, timed(() -> fhir.get("PlanDefinition/discharge-planning/$apply?subject=Patient/PatientRivera"
				+ "&practitioner=Practitioner/PractitionerCaseManager")));
		requests.put(CAREPLAN_READ, timed(() -> fhir.get("CarePlan/CarePlanDischarge")));
		return new LinkedHashMap<>(measureInTurn(requests));
	}

	/** A request to time: {@link #prepare} makes, untimed, what it needs and returns the call that is timed. */
	private interface Request {
		Supplier<?> prepare();
	}

	private static Request timed(Supplier<?> call) {
		return () -> call;
	}

	private Map<String, Object> measure(String label, Supplier<?> request) {
		return measureInTurn(Map.of(label, timed(request))).get(label);
	}

	/**
	 * Each request {@code iterations} times after a warm-up, the requests taking turns. Throughput
	 * is each request's own: its count over the time spent waiting for it.
	 */
	private Map<String, Map<String, Object>> measureInTurn(Map<String, Request> requests) {
		for (int warmup = 0; warmup < Math.min(20, iterations / 5); warmup++) {
			requests.values().forEach(request -> request.prepare().get());
		}
		Map<String, Latencies> latencies = new LinkedHashMap<>();
		requests.keySet().forEach(label -> latencies.put(label, new Latencies()));
		for (int i = 0; i < iterations; i++) {
			requests.forEach((label, request) -> {
				Supplier<?> call = request.prepare();
				long sent = System.nanoTime();
				call.get();
				latencies.get(label).add(sent);
			});
		}
		Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();
		latencies.forEach((label, measured) -> {
			summaries.put(label, measured.summary(measured.totalSeconds()));
			Progress.print("%s: p50 %.1f ms, p95 %.1f ms", label, measured.percentile(0.5), measured.percentile(0.95));
		});
		return summaries;
	}

	/** The package's examples, stored once so that the examples created here can refer to them. */
	private void storeExamples() {
		ObjectNode transaction = FhirHttp.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction");
		ArrayNode entries = transaction.putArray("entry");
		for (Path file : exampleFiles()) {
			JsonNode resource = example(file);
			ObjectNode entry = entries.addObject();
			entry.set("resource", resource);
			entry.putObject("request").put("method", "PUT")
					.put("url", resource.get("resourceType").asText() + "/" + resource.get("id").asText());
		}
		fhir.post("", transaction.toString());
	}

	/** The package's example files, in name order (not its index). */
	private static List<Path> exampleFiles() {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.filter(path -> path.getFileName().toString().matches("[A-Z].*\\.json")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ObjectNode example(String name) {
		return example(EXAMPLES.resolve(name + ".json"));
	}

	private static ObjectNode example(Path file) {
		try {
			return (ObjectNode) FhirHttp.JSON.readTree(file.toFile());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static ObjectNode withFreshIdentifier(ObjectNode resource) {
		ObjectNode identifier = FhirHttp.JSON.createObjectNode()
				.put("system", "http://casebridge.org/fhir/sid/bench")
				.put("value", UUID.randomUUID().toString());
		ObjectNode copy = resource.deepCopy();
		// A QuestionnaireResponse has at most one identifier; the other types a list.
		if ("QuestionnaireResponse".equals(copy.get("resourceType").asText())) {
			copy.set("identifier", identifier);
		} else {
			copy.putArray("identifier").add(identifier);
		}
		return copy;
	}

	private String pick(List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}

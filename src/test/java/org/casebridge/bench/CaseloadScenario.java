package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scenario 9: a case manager's caseload view ("which of my clients need me today, and why") at
 * 1 VU, for the case managers of up to {@value #CASELOADS} full 50-client blocks of the generated
 * clients in turn: once through {@code Practitioner/{id}/$caseload} (CaseBridge only) and once
 * composed from plain searches ({@link CaseloadBySearches}), the two taking turns on the same case
 * manager. Before timing, the two views of the first case manager are compared (clients, reasons
 * per client, reason codes), so that the figures are known to be of the same view. Where the
 * operation is missing or fails, that is reported and the plain half is measured alone.
 */
final class CaseloadScenario {

	static final String OPERATION = "$caseload";
	static final String PLAIN = "plain searches";
	private static final int CASELOADS = 10;

	private final FhirHttp fhir;
	private final BenchmarkData data;
	private final int iterations;
	private final boolean withOperation;

	CaseloadScenario(FhirHttp fhir, BenchmarkData data, int iterations, boolean withOperation) {
		this.fhir = fhir;
		this.data = data;
		this.iterations = iterations;
		this.withOperation = withOperation;
	}

	Map<String, Object> run() {
		Map<String, Object> figures = new LinkedHashMap<>();
		List<String> caseManagers = caseManagers();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		CaseloadBySearches plain = new CaseloadBySearches(fhir, ProgramTemplate.fromPackage(), today);
		List<CaseloadBySearches.Client> plainView = plain.view(caseManagers.get(0));
		figures.put("case_managers", caseManagers.size());
		figures.put("clients_per_view", plainView.size());
		figures.put("plain_requests_per_view", plain.requests());
		figures.put("plain_reasons", reasonCounts(plainView.stream().flatMap(client -> client.reasons().stream())
				.map(CaseloadBySearches.Reason::code).toList()));

		boolean operation = withOperation;
		if (operation) {
			try {
				figures.put("agreement", agreement(plainView, operationView(caseManagers.get(0))));
			} catch (FhirHttp.UnexpectedStatus e) {
				Progress.print("$caseload is missing or failed, measuring plain searches only: %s", e.getMessage());
				figures.put("operation_missing", "GET Practitioner/{id}/$caseload answered HTTP " + e.status);
				operation = false;
			}
		}

		for (int warmup = 0; warmup < Math.min(20, iterations / 5); warmup++) {
			String caseManager = caseManagers.get(warmup % caseManagers.size());
			if (operation) {
				operationView(caseManager);
			}
			plain.view(caseManager);
		}
		Latencies operationLatencies = new Latencies();
		Latencies plainLatencies = new Latencies();
		for (int i = 0; i < iterations; i++) {
			String caseManager = caseManagers.get(i % caseManagers.size());
			if (operation) {
				long sent = System.nanoTime();
				operationView(caseManager);
				operationLatencies.add(sent);
			}
			long sent = System.nanoTime();
			plain.view(caseManager);
			plainLatencies.add(sent);
		}
		if (operation) {
			figures.put(OPERATION, summary(OPERATION, operationLatencies));
		}
		figures.put(PLAIN, summary(PLAIN, plainLatencies));
		return figures;
	}

	/** Practitioner ids of the case managers of the first full blocks, spread over all of them. */
	private List<String> caseManagers() {
		int fullBlocks = data.caseManagementClients / BlockCaseManager.CASELOAD_SIZE;
		if (fullBlocks == 0) {
			throw new IllegalStateException("the caseload scenario needs at least " + BlockCaseManager.CASELOAD_SIZE
					+ " case-management clients");
		}
		int count = Math.min(CASELOADS, fullBlocks);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int firstClient = i * fullBlocks / count * BlockCaseManager.CASELOAD_SIZE;
			String identifier = data.caseManagement.caseManager(firstClient).practitionerIdentifier();
			JsonNode found = fhir.get("Practitioner?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8));
			ids.add(found.path("entry").path(0).path("resource").path("id").asText());
		}
		return ids;
	}

	/** Patient reference → reason codes, in the order {@code $caseload} ranks its clients, all pages. */
	private Map<String, List<String>> operationView(String practitionerId) {
		Map<String, List<String>> clients = new LinkedHashMap<>();
		String page = "Practitioner/" + practitionerId + "/$caseload?_count=100";
		while (page != null) {
			JsonNode parameters = fhir.get(page);
			page = null;
			for (JsonNode parameter : parameters.path("parameter")) {
				switch (parameter.path("name").asText()) {
					case "next" -> page = parameter.path("valueUri").asText();
					case "client" -> {
						String patient = null;
						List<String> reasons = new ArrayList<>();
						for (JsonNode part : parameter.path("part")) {
							if (part.path("name").asText().equals("patient")) {
								patient = part.path("valueReference").path("reference").asText();
							} else if (part.path("name").asText().equals("reason")) {
								for (JsonNode reasonPart : part.path("part")) {
									if (reasonPart.path("name").asText().equals("code")) {
										reasons.add(reasonPart.path("valueCoding").path("code").asText());
									}
								}
							}
						}
						clients.put(patient, reasons);
					}
					default -> { }
				}
			}
		}
		return clients;
	}

	/** How far the two views of the same caseload agree: they are meant to be the same view. */
	private static Map<String, Object> agreement(List<CaseloadBySearches.Client> plain, Map<String, List<String>> operation) {
		Map<String, Object> agreement = new LinkedHashMap<>();
		agreement.put("clients_plain", plain.size());
		agreement.put("clients_operation", operation.size());
		long sameClients = plain.stream().filter(client -> operation.containsKey(client.patient())).count();
		long sameReasonCount = plain.stream()
				.filter(client -> operation.containsKey(client.patient())
						&& operation.get(client.patient()).size() == client.reasons().size())
				.count();
		agreement.put("clients_in_both", sameClients);
		agreement.put("clients_with_as_many_reasons", sameReasonCount);
		agreement.put("operation_reasons", reasonCounts(operation.values().stream().flatMap(List::stream).toList()));
		Progress.print("caseload views agree on %d of %d clients, on the number of reasons for %d", sameClients,
				plain.size(), sameReasonCount);
		return agreement;
	}

	private static Map<String, Integer> reasonCounts(List<String> codes) {
		Map<String, Integer> counts = new TreeMap<>();
		codes.forEach(code -> counts.merge(code, 1, Integer::sum));
		return counts;
	}

	private static Map<String, Object> summary(String label, Latencies latencies) {
		Progress.print("caseload view by %s: p50 %.1f ms, p95 %.1f ms", label, latencies.percentile(0.5),
				latencies.percentile(0.95));
		return latencies.summary(latencies.totalSeconds());
	}
}

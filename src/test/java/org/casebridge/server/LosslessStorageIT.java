package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebridge.ResourceJsonDifferences.pathOf;

import java.net.http.HttpResponse;
import java.util.List;
import org.casebridge.FhirServerTestBase;
import org.casebridge.ResourceJsonDifferences;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/** What a client writes is what it reads back, field for field (issue 9). */
class LosslessStorageIT extends FhirServerTestBase {

	@Test
	void decimalsKeepTheirPrecisionAndForm() {
		assertCreatedAsSent("Observation", observation("""
				"valueQuantity": {"value": -1.000000000000000000E+245, "unit": "mmol/L"},
				"component": [
					{"code": {"text": "exponent"}, "valueQuantity": {"value": 1e3}},
					{"code": {"text": "trailing zero"}, "valueQuantity": {"value": 0.10}},
					{"code": {"text": "small"}, "valueQuantity": {"value": 1.50E-7}},
					{"code": {"text": "long"}, "valueQuantity": {"value": 12345678901234567890.123456789012345678901}}
				]"""));
	}

	@Test
	void versionedReferencesKeepTheirVersionAndStillResolve() {
		String serviceRequest = "physiotherapy-" + unique;
		assertThat(sendJson("PUT", "/fhir/ServiceRequest/" + serviceRequest, """
				{"resourceType": "ServiceRequest", "id": "%s", "status": "active", "intent": "order",
				 "subject": {"display": "Jane Doe"}}""".formatted(serviceRequest)).statusCode()).isEqualTo(201);
		String provenance = """
				{"resourceType": "Provenance",
				 "target": [{"reference": "ServiceRequest/%s/_history/1"}],
				 "recorded": "2024-03-01T10:00:00Z",
				 "agent": [{"who": {"display": "Case manager"}}]}""".formatted(serviceRequest);

		String path = assertCreatedAsSent("Provenance", provenance);

		String provenanceId = path.substring(path.lastIndexOf('/') + 1);
		assertThat(searchIds("/fhir/Provenance?_id=" + provenanceId + "&_include=Provenance:target"))
				.as("_include follows a versioned reference")
				.contains("ServiceRequest/" + serviceRequest);
		assertThat(searchIds("/fhir/Provenance?target:ServiceRequest._id=" + serviceRequest))
				.as("chained search follows a versioned reference")
				.containsExactly("Provenance/" + provenanceId);
	}

	/**
	 * Labels carry their display as sent, even where another resource sent the same system and code
	 * with another display or none (tags are stored in the body, see {@link TagsIT}).
	 */
	@Test
	void metaElementsAreKept() {
		for (String zetaDisplay : new String[] {"\"display\": \"Zeta\"", "\"display\": \"Zeta (again)\"", null}) {
			String display = zetaDisplay == null ? "" : ", " + zetaDisplay;
			assertCreatedAsSent("Patient", patient("""
					"meta": {
						"source": "http://ehr.example.org/fhir#request-17",
						"profile": ["http://hl7.org/fhir/StructureDefinition/Patient"],
						"tag": [
							{"system": "http://example.org/tags", "code": "zeta"%s},
							{"system": "http://example.org/tags", "code": "alpha", "version": "2", "userSelected": true}
						],
						"security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"%s}],
						"extension": [{"url": "http://example.org/meta-note", "valueString": "imported"}]
					}""".formatted(display, display)));
		}
		assertCreatedAsSent("Patient", patient("""
				"meta": {"source": "http://ehr.example.org/fhir"}"""));
	}

	@Test
	void narrativeIsKept() {
		assertCreatedAsSent("Patient", patient("""
				"text": {
					"status": "additional",
					"div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">\\n  <p>Jane  <b>Doe</b> &amp; <i>family</i></p>\\n</div>"
				}"""));
	}

	@Test
	void primitiveExtensionsContainedResourcesAndWhitespaceAreKept() {
		String id = "client-" + unique;
		String patient = """
				{"resourceType": "Patient", "id": "%s",
				 "contained": [{"resourceType": "Organization", "id": "insurer", "name": "Community  Health "}],
				 "managingOrganization": {"reference": "#insurer"},
				 "birthDate": "1970-01-01",
				 "_birthDate": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-birthTime",
					"valueDateTime": "1970-01-01T10:00:00+01:00"}]},
				 "name": [{"family": "  Doe\\tSmith ", "given": ["Jane", null],
					"_given": [null, {"extension": [{"url": "http://example.org/given-source", "valueString": "alias"}]}]}],
				 "extension": [{"url": "http://example.org/unicode", "valueString": "Zoë 🌍 ﻿ 漢字"}]}""".formatted(id);

		HttpResponse<String> written = sendJson("PUT", "/fhir/Patient/" + id, patient);

		assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
		assertReadsBackAsSent(patient, "/fhir/Patient/" + id);
	}

	@Test
	void anUpdateReadsBackAsSent() {
		String path = assertCreatedAsSent("Observation", observation("""
				"valueQuantity": {"value": 1.0E+2}"""));
		String id = path.substring(path.lastIndexOf('/') + 1);
		String update = observation("""
				"id": "%s", "valueQuantity": {"value": 2.50E+2}""".formatted(id));

		HttpResponse<String> written = sendJson("PUT", path, update);

		assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
		assertReadsBackAsSent(update, path);
	}

	@Test
	void transactionEntriesReadBackAsSent() {
		String serviceRequestId = "tx-referral-" + unique;
		String serviceRequest = """
				{"resourceType": "ServiceRequest", "id": "%s", "status": "active", "intent": "order",
				 "subject": {"display": "Jane Doe"}}""".formatted(serviceRequestId);
		assertThat(sendJson("PUT", "/fhir/ServiceRequest/" + serviceRequestId, serviceRequest).statusCode())
				.isEqualTo(201);
		String observationId = "tx-score-" + unique;
		String observation = observation("""
				"id": "%s", "valueQuantity": {"value": 1.000E+3},
				"meta": {"source": "http://ehr.example.org/fhir#batch-4"},
				"basedOn": [{"reference": "ServiceRequest/%s/_history/1"}]""".formatted(observationId, serviceRequestId));
		String provenanceId = "tx-provenance-" + unique;
		String provenance = """
				{"resourceType": "Provenance", "id": "%s",
				 "target": [{"reference": "ServiceRequest/%s/_history/1"}],
				 "recorded": "2024-03-01T10:00:00Z", "agent": [{"who": {"display": "Case manager"}}]}"""
				.formatted(provenanceId, serviceRequestId);
		String transaction = """
				{"resourceType": "Bundle", "type": "transaction", "entry": [
					{"resource": %s, "request": {"method": "PUT", "url": "Observation/%s"}},
					{"resource": %s, "request": {"method": "PUT", "url": "Provenance/%s"}}
				]}""".formatted(observation, observationId, provenance, provenanceId);

		HttpResponse<String> written = sendJson("POST", "/fhir", transaction);

		assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
		assertReadsBackAsSent(observation, "/fhir/Observation/" + observationId);
		assertReadsBackAsSent(provenance, "/fhir/Provenance/" + provenanceId);
	}

	/** POSTs the resource, checks the answer and a fresh read against it, and returns its path. */
	private String assertCreatedAsSent(String type, String resource) {
		HttpResponse<String> written = sendJson("POST", "/fhir/" + type, resource);
		assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
		assertThat(ResourceJsonDifferences.between(resource, written.body())).as("the create's answer").isEmpty();
		String path = pathOf(written.body());
		assertReadsBackAsSent(resource, path);
		return path;
	}

	private List<String> searchIds(String query) {
		HttpResponse<String> found = send(request(query).header("Accept", FHIR_JSON).build());
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return parse(found, Bundle.class).getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.toList();
	}

	private static String patient(String elements) {
		return """
				{"resourceType": "Patient", "name": [{"family": "Doe", "given": ["Jane"]}], %s}""".formatted(elements);
	}

	private static String observation(String elements) {
		return """
				{"resourceType": "Observation", "status": "final", "code": {"text": "Score"},
				 "effectiveDateTime": "2024-03-01", "subject": {"display": "Jane Doe"}, %s}""".formatted(elements);
	}
}

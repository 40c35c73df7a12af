package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * Tags, security labels and profiles are stored in the resource body: they read back as sent,
 * each version keeps its own, and {@code _tag}, {@code _security} and {@code _profile} search them
 * (R4 search.html §3.1.1.1.2, "Parameters for all resources").
 */
class TagsIT extends FhirServerTestBase {

	private final String tags = "http://example.org/tags/" + unique;
	private final String labels = "http://example.org/labels/" + unique;
	private final String profile = "http://example.org/StructureDefinition/" + unique;

	@Test
	void aLabelReadsBackWithTheDisplayItWasSentWith() {
		String first = put("first", tag("C", "Alpha"), label("R", "restricted"));
		String second = put("second", tag("C", "Zeta"), label("R", "Restricted (Part 2)"));
		String third = put("third", tag("C", null), label("R", null));

		assertThat(read(first).getMeta().getTag()).extracting(Coding::getDisplay).containsExactly("Alpha");
		assertThat(read(second).getMeta().getTag()).extracting(Coding::getDisplay).containsExactly("Zeta");
		assertThat(read(third).getMeta().getTag()).extracting(Coding::getDisplay).containsExactly((String) null);
		assertThat(read(second).getMeta().getSecurity()).extracting(Coding::getDisplay)
				.containsExactly("Restricted (Part 2)");
		assertThat(read(third).getMeta().getSecurityFirstRep().hasDisplay()).isFalse();
	}

	@Test
	void tagSecurityAndProfileSearchesFindTheirResources() {
		String tagged = put("tagged", tag("C", "Alpha"), label("R", "restricted"));
		String other = put("other", tag("D", null), label("N", null));
		String unlabelled = put("unlabelled", tag("D", null), null);
		String both = "&_id=" + tagged + "," + other;

		assertThat(search("_tag=" + tags + "|C")).containsExactly(tagged);
		assertThat(search("_tag=C" + both)).containsExactly(tagged);
		assertThat(search("_tag=" + tags + "|")).containsExactlyInAnyOrder(tagged, other, unlabelled);
		assertThat(search("_tag:not=" + tags + "|C" + both)).containsExactly(other);
		assertThat(search("_tag:text=Alpha" + both)).containsExactly(tagged);
		assertThat(search("_security=" + labels + "|R")).containsExactly(tagged);
		assertThat(search("_security:not=" + labels + "|R" + both)).containsExactly(other);
		assertThat(search("_profile=" + profile + "/tagged")).containsExactly(tagged);
		assertThat(search("_security:missing=true&_id=" + tagged + "," + unlabelled)).containsExactly(unlabelled);
		assertThat(search("_profile:below=" + profile)).containsExactlyInAnyOrder(tagged, other, unlabelled);
	}

	@Test
	void labelsOfEveryResourceTypeAreSearchable() {
		HttpResponse<String> written = sendJson("POST", "/fhir/Observation", """
				{"resourceType": "Observation", "status": "final", "code": {"text": "Score"},
				 "meta": {"security": [%s]}}""".formatted(label("R", "restricted")));
		assertThat(written.statusCode()).as(written.body()).isEqualTo(201);

		assertThat(search("Observation", "_security=" + labels + "|R"))
				.containsExactly(parse(written, Observation.class).getIdElement().getIdPart());
	}

	@Test
	void eachVersionKeepsItsOwnLabelsAndAnUpdateReplacesThem() {
		String id = put("versioned", tag("C", "Alpha"), label("R", null));
		HttpResponse<String> updated = sendJson("PUT", "/fhir/Patient/" + id, patient(id, "versioned", tag("D", "Delta"), null));
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

		Patient first = read(id + "/_history/1");
		Patient second = read(id + "/_history/2");

		assertThat(first.getMeta().getTag()).extracting(Coding::getCode).containsExactly("C");
		assertThat(first.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("R");
		assertThat(second.getMeta().getTag()).extracting(Coding::getCode).containsExactly("D");
		assertThat(second.getMeta().hasSecurity()).as("the update sent no security label").isFalse();
		assertThat(search("_tag=" + tags + "|C")).as("the current version has no tag C").isEmpty();
		assertThat(search("_tag=" + tags + "|D")).containsExactly(id);
	}

	@Test
	void aPatchChangesTheLabelsAndTheSearchSeesIt() {
		String id = put("patched", tag("C", null), label("R", null));

		HttpResponse<String> patched = send(request("/fhir/Patient/" + id)
				.header("Content-Type", "application/json-patch+json").header("Accept", FHIR_JSON)
				.method("PATCH", HttpRequest.BodyPublishers.ofString("""
						[{"op": "add", "path": "/meta/tag/-", "value": {"system": "%s", "code": "F", "display": "Foxtrot"}},
						 {"op": "remove", "path": "/meta/security"}]""".formatted(tags)))
				.build());

		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		Patient read = read(id);
		assertThat(read.getMeta().getTag()).extracting(Coding::getCode, Coding::getDisplay)
				.containsExactlyInAnyOrder(tuple("C", null),
						tuple("F", "Foxtrot"));
		assertThat(read.getMeta().hasSecurity()).isFalse();
		assertThat(search("_tag=" + tags + "|F")).containsExactly(id);
		assertThat(search("_security=" + labels + "|R")).isEmpty();
	}

	@Test
	void theMetaOperationsAreRefusedAndChangeNothing() {
		String id = put("meta-ops", tag("C", "Alpha"), label("R", null));
		String meta = """
				{"resourceType": "Parameters", "parameter": [{"name": "meta",
				 "valueMeta": {"tag": [{"system": "%s", "code": "C"}, {"system": "%s", "code": "E"}]}}]}"""
				.formatted(tags, tags);

		List<HttpResponse<String>> answers = List.of(
				sendJson("POST", "/fhir/Patient/" + id + "/$meta-add", meta),
				sendJson("POST", "/fhir/Patient/" + id + "/$meta-delete", meta),
				send(request("/fhir/Patient/" + id + "/$meta").header("Accept", FHIR_JSON).build()),
				send(request("/fhir/Patient/$meta").header("Accept", FHIR_JSON).build()),
				send(request("/fhir/$meta").header("Accept", FHIR_JSON).build()));

		for (HttpResponse<String> answer : answers) {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
			assertThat(parse(answer, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
					.contains("PATCH or PUT");
		}
		Patient read = read(id);
		assertThat(read.getMeta().getVersionId()).isEqualTo("1");
		assertThat(read.getMeta().getTag()).extracting(Coding::getCode).containsExactly("C");
		assertThat(search("_tag=" + tags + "|E")).isEmpty();
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
		assertThat(capabilities.getRestFirstRep().getResource().stream()
						.flatMap(resource -> resource.getOperation().stream())
						.map(operation -> operation.getName()))
				.doesNotContain("meta", "meta-add", "meta-delete");
	}

	/** PUTs a Patient with one tag and one security label; returns its id. */
	private String put(String name, String tag, String label) {
		String id = name + "-" + unique.substring(0, 8);
		HttpResponse<String> written = sendJson("PUT", "/fhir/Patient/" + id, patient(id, name, tag, label));
		assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
		return id;
	}

	/** A Patient with a profile, a tag and, unless {@code label} is null, a security label. */
	private String patient(String id, String name, String tag, String label) {
		String security = label == null ? "" : ", \"security\": [" + label + "]";
		return """
				{"resourceType": "Patient", "id": "%s",
				 "meta": {"profile": ["%s/%s"], "tag": [%s]%s},
				 "name": [{"family": "Doe"}]}""".formatted(id, profile, name, tag, security);
	}

	private String tag(String code, String display) {
		return coding(tags, code, display);
	}

	private String label(String code, String display) {
		return coding(labels, code, display);
	}

	private static String coding(String system, String code, String display) {
		return display == null
				? """
						{"system": "%s", "code": "%s"}""".formatted(system, code)
				: """
						{"system": "%s", "code": "%s", "display": "%s"}""".formatted(system, code, display);
	}

	private Patient read(String idAndVersion) {
		HttpResponse<String> read = send(request("/fhir/Patient/" + idAndVersion).header("Accept", FHIR_JSON).build());
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		return parse(read, Patient.class);
	}

	private List<String> search(String parameters) {
		return search("Patient", parameters);
	}

	/** The ids of the resources a search of {@code type} finds; each parameter's value is URL-encoded. */
	private List<String> search(String type, String parameters) {
		StringBuilder query = new StringBuilder();
		for (String parameter : parameters.split("&")) {
			int equals = parameter.indexOf('=');
			query.append(query.isEmpty() ? "?" : "&").append(parameter, 0, equals + 1)
					.append(URLEncoder.encode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
		}
		HttpResponse<String> found = send(request("/fhir/" + type + query).header("Accept", FHIR_JSON).build());
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return parse(found, Bundle.class).getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().getIdPart())
				.toList();
	}
}

package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebridge.conformance.PackageExamples.read;
import static org.casebridge.conformance.PackageExamples.with;
import static org.casebridge.conformance.PackageExamples.without;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each profile rejects a targeted invalid example — its valid example with one rule broken — with
 * 422 and an OperationOutcome naming the element and the rule, and stores nothing.
 */
class ProfileEnforcementIT extends FhirServerTestBase {

	private static final StructureDefinition PACKAGE_CLIENT_PROFILE = PackageExamples.PACKAGE.resources().stream()
			.filter(StructureDefinition.class::isInstance).map(StructureDefinition.class::cast)
			.filter(profile -> profile.getUrl().endsWith("/cb-client")).findFirst().orElseThrow();

	static Stream<Arguments> invalidExamples() {
		return Stream.of(
				Arguments.of("cb-client without identifier",
						without(read("Patient-PatientRivera.json"), "/identifier"),
						"Patient.identifier: minimum required = 1, but only found 0"),
				Arguments.of("cb-care-team without its case manager",
						without(read("CareTeam-CareTeamRivera.json"), "/participant/0"),
						"cb-care-team-1"),
				Arguments.of("cb-episode in an unknown program",
						with(read("EpisodeOfCare-EpisodeOfCareDischarge.json"), "/type/0/coding/0/code", "oncology"),
						"None of the codings provided are in the value set 'CaseBridge Programs'"),
				Arguments.of("cb-assessment without author",
						without(read("QuestionnaireResponse-QuestionnaireResponsePhq9.json"), "/author"),
						"QuestionnaireResponse.author: minimum required = 1, but only found 0"),
				Arguments.of("cb-score not derived from a response",
						without(read("Observation-ObservationPhq9Score.json"), "/derivedFrom"),
						"Observation.derivedFrom: minimum required = 1, but only found 0"),
				Arguments.of("cb-need without a service-category domain",
						without(read("Condition-ConditionDepressionNeed.json"), "/category/0"),
						"cb-need-1"),
				Arguments.of("cb-careplan without goals",
						without(read("CarePlan-CarePlanDischarge.json"), "/goal"),
						"CarePlan.goal: minimum required = 1, but only found 0"),
				Arguments.of("cb-goal without a due date",
						without(read("Goal-GoalFollowUpCare.json"), "/target/0/dueDate"),
						"Goal.target.due[x]: minimum required = 1, but only found 0"),
				Arguments.of("cb-referral that is only a plan",
						with(read("ServiceRequest-ServiceRequestTherapyReferral.json"), "/intent", "plan"),
						"Value is 'plan' but is fixed to 'order'"),
				Arguments.of("cb-referral sent without a performer",
						without(read("ServiceRequest-ServiceRequestTherapyReferral.json"), "/performer"),
						"cb-referral-3"),
				Arguments.of("cb-referral-task rejected without a reason",
						without(read("Task-TaskTherapyReferralRejected.json"), "/statusReason"),
						"cb-referral-task-1"),
				Arguments.of("cb-checkin without a contact mode",
						with(read("Encounter-EncounterPhoneCheckin.json"), "/type/0/coding/0/system",
								"http://example.org/other-modes"),
						"cb-checkin-1"),
				Arguments.of("cb-advocacy without a recipient",
						without(read("Communication-CommunicationInsurerAdvocacy.json"), "/recipient"),
						"Communication.recipient: minimum required = 1, but only found 0"),
				Arguments.of("cb-consent that names no recipient organisation",
						with(read("Consent-ConsentShareWithCounseling.json"), "/provision/actor/0/role/coding/0/code", "PRCP"),
						"cb-consent-1"),
				Arguments.of("cb-service with an unknown capacity status",
						with(read("HealthcareService-HealthcareServiceOutpatientTherapy.json"),
								"/extension/0/extension/0/valueCode", "closed"),
						"The value provided ('closed') was not found in the value set 'CaseBridge Service Capacity Status'"),
				// What HAPI's parser passes over, the validator reads in the text the client sent.
				Arguments.of("cb-goal with an element R4 does not define",
						with(read("Goal-GoalFollowUpCare.json"), "/reason", "a reason"),
						"Unrecognized property 'reason'"),
				Arguments.of("cb-client with a string where a boolean belongs",
						with(read("Patient-PatientRivera.json"), "/active", "true"),
						"boolean"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExamples")
	void invalidExampleIsRejectedWith422(String name, ObjectNode invalid, String expectedError) {
		String type = invalid.get("resourceType").asText();
		invalid.remove("id");

		HttpResponse<String> response = send(request("/fhir/" + type)
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(invalid.toString()))
				.build());

		assertThat(response.statusCode()).isEqualTo(422);
		OperationOutcome outcome = parse(response, OperationOutcome.class);
		assertThat(outcome.getIssue())
				.anySatisfy(issue -> {
					assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
					assertThat(issue.getDiagnostics()).contains(expectedError);
					assertThat(issue.getExpression()).isNotEmpty();
				});
	}

	/**
	 * A patch is validated as a PUT of the patched resource: a client (cb-client) patched out of its
	 * required identifier is refused, and the stored version stays as it was.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"FHIRPath Patch", "JSON Patch", "FHIRPath Patch in a transaction"})
	void patchThatBreaksAProfileIsRefused(String kind) {
		ObjectNode rivera = with(read("Patient-PatientRivera.json"), "/identifier/0/value", unique);
		rivera.remove("id");
		HttpResponse<String> created = send(request("/fhir/Patient").header("Content-Type", FHIR_JSON)
				.header("Accept", FHIR_JSON).POST(BodyPublishers.ofString(rivera.toString())).build());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		IdType id = parse(created, Patient.class).getIdElement();
		String deleteIdentifier = """
				{"resourceType": "Parameters", "parameter": [{"name": "operation", "part": [
				  {"name": "type", "valueCode": "delete"}, {"name": "path", "valueString": "Patient.identifier"}]}]}""";

		HttpResponse<String> patched = switch (kind) {
			case "JSON Patch" -> send(request("/fhir/Patient/" + id.getIdPart())
					.header("Content-Type", "application/json-patch+json")
					.method("PATCH", BodyPublishers.ofString("[{\"op\": \"remove\", \"path\": \"/identifier\"}]")).build());
			case "FHIRPath Patch" -> send(request("/fhir/Patient/" + id.getIdPart()).header("Content-Type", FHIR_JSON)
					.method("PATCH", BodyPublishers.ofString(deleteIdentifier)).build());
			default -> send(request("/fhir").header("Content-Type", FHIR_JSON).POST(BodyPublishers.ofString("""
					{"resourceType": "Bundle", "type": "transaction", "entry": [
					  {"resource": %s, "request": {"method": "PATCH", "url": "Patient/%s"}}]}
					""".formatted(deleteIdentifier, id.getIdPart()))).build());
		};

		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(422);
		assertThat(parse(patched, OperationOutcome.class).getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics())
				.contains("Patient.identifier: minimum required = 1, but only found 0"));
		Patient stored = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
		assertThat(stored.getIdElement().getVersionIdPart()).isEqualTo(id.getVersionIdPart());
		assertThat(stored.getIdentifierFirstRep().getValue()).isEqualTo(unique);
	}

	@Test
	void anInvalidEntryFailsTheWholeTransaction() {
		ObjectNode task = without(read("Task-TaskTherapyReferralRejected.json"), "/statusReason");
		task.remove("id");
		String transaction = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"fullUrl":"urn:uuid:7d0f3a52-0000-4000-8000-000000000001",
				  "resource":{"resourceType":"Patient","identifier":[{"system":"http://hospital.example/mrn","value":"%s"}],
				              "name":[{"family":"Okafor"}]},
				  "request":{"method":"POST","url":"Patient"}},
				 {"fullUrl":"urn:uuid:7d0f3a52-0000-4000-8000-000000000002","resource":%s,
				  "request":{"method":"POST","url":"Task"}}]}
				""".formatted(unique, task);

		HttpResponse<String> response = send(request("/fhir")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(transaction))
				.build());

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("cb-referral-task-1");
		Bundle stored = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier("http://hospital.example/mrn", unique))
				.returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).isEmpty();
	}

	/**
	 * An EHR's transaction as Synthea writes one: entries that name each other by urn:uuid, what the
	 * server already holds by search, and resources they contain; a contained resource nothing
	 * refers to is refused.
	 */
	@Test
	void aClinicalHistoryTransactionIsCheckedWithItsReferencesAsSent() {
		String organization = "http://hospital.example/org|" + unique;
		assertThat(sendJson("POST", "/fhir/Organization", """
				{"resourceType":"Organization","identifier":[{"system":"http://hospital.example/org","value":"%s"}],
				 "name":"Lowell Family Medical"}""".formatted(unique)).statusCode()).isEqualTo(201);
		String claim = """
				{"resourceType":"ExplanationOfBenefit","status":"active","use":"claim","outcome":"complete",
				 "contained":[{"resourceType":"Coverage","id":"coverage","status":"active","type":{"text":"Humana"},
				               "beneficiary":{"reference":"urn:uuid:7d0f3a52-0000-4000-8000-000000000011"},"payor":[{"display":"Humana"}]}%s],
				 "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"professional"}]},
				 "patient":{"reference":"urn:uuid:7d0f3a52-0000-4000-8000-000000000011"},"created":"2026-12-01T10:22:43+00:00",
				 "insurer":{"display":"Humana"},"provider":{"reference":"Organization?identifier=%s"},
				 "insurance":[{"focal":true,"coverage":{"reference":"#coverage"}}]}""";
		String history = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"fullUrl":"urn:uuid:7d0f3a52-0000-4000-8000-000000000011",
				  "resource":{"resourceType":"Patient","identifier":[{"system":"http://hospital.example/mrn","value":"%s"}]},
				  "request":{"method":"POST","url":"Patient"}},
				 {"fullUrl":"urn:uuid:7d0f3a52-0000-4000-8000-000000000012","resource":%s,
				  "request":{"method":"POST","url":"ExplanationOfBenefit"}}]}""";
		String orphan = ",{\"resourceType\":\"Organization\",\"id\":\"orphan\",\"name\":\"Nobody refers to me\"}";

		HttpResponse<String> stored = sendJson("POST", "/fhir", history.formatted(unique, claim.formatted("", organization)));
		HttpResponse<String> refused = sendJson("POST", "/fhir", history.formatted(unique + "-orphan", claim.formatted(orphan, organization)));

		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		ExplanationOfBenefit read = client.read().resource(ExplanationOfBenefit.class)
				.withId(parse(stored, Bundle.class).getEntry().get(1).getResponse().getLocation()).execute();
		assertThat(read.getPatient().getReference()).startsWith("Patient/");
		assertThat(read.getProvider().getReference()).startsWith("Organization/");
		assertThat(read.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo("#coverage");
		assertThat(read.getContained()).singleElement().satisfies(coverage -> assertThat(coverage.fhirType()).isEqualTo("Coverage"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).contains("dom-3");
		assertThat(client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier("http://hospital.example/mrn", unique + "-orphan"))
				.returnBundle(Bundle.class).execute().getEntry()).as("the refused transaction's Patient").isEmpty();
	}

	@Test
	void plainR4WithoutProfilesIsAcceptedButStillCheckedAgainstBaseR4() {
		String plainTask = """
				{"resourceType":"Task","status":"rejected","intent":"order"}""";
		String taskWithoutIntent = """
				{"resourceType":"Task","status":"rejected"}""";

		assertThat(send(request("/fhir/Task").header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(plainTask)).build()).statusCode()).isEqualTo(201);
		HttpResponse<String> broken = send(request("/fhir/Task").header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(taskWithoutIntent)).build());
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat(parse(broken, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("Task.intent: minimum required = 1, but only found 0");
	}

	/** A client that sends XML has its resources checked as one that sends JSON. */
	@Test
	void xmlIsCheckedAsJsonIs() {
		ObjectNode client = read("Patient-PatientRivera.json");
		client.remove("id");
		ObjectNode clientWithoutIdentifier = without(client.deepCopy(), "/identifier");

		assertThat(sendXml(client).statusCode()).isEqualTo(201);
		HttpResponse<String> refused = sendXml(clientWithoutIdentifier);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("Patient.identifier: minimum required = 1, but only found 0");
	}

	private HttpResponse<String> sendXml(ObjectNode resource) {
		String xml = fhirContext.newXmlParser().encodeResourceToString(PackageExamples.parse(fhirContext, resource));
		return send(request("/fhir/Patient").header("Content-Type", "application/fhir+xml")
				.header("Accept", FHIR_JSON).POST(BodyPublishers.ofString(xml)).build());
	}

	/**
	 * A profile changed on the server applies from the next write, although the validators that
	 * checked earlier writes against it are reused: a profile that starts to require the client's
	 * birth date refuses the same client it accepted before the change.
	 */
	@Test
	void aProfileChangedOnTheServerAppliesFromTheNextWrite() {
		String url = "http://example.org/fhir/StructureDefinition/client-" + unique;
		StructureDefinition profile = PACKAGE_CLIENT_PROFILE.copy().setUrl(url).setName("ClientAtThisAgency");
		profile.setId((String) null);
		HttpResponse<String> stored = sendJson("POST", "/fhir/StructureDefinition",
				fhirContext.newJsonParser().encodeResourceToString(profile));
		assertThat(stored.statusCode()).isEqualTo(201);
		String id = new IdType(stored.headers().firstValue("Location").orElseThrow()).getIdPart();
		ObjectNode clientWithoutBirthDate = without(read("Patient-PatientRivera.json"), "/birthDate");
		clientWithoutBirthDate.remove("id");
		((ObjectNode) clientWithoutBirthDate.get("meta")).putArray("profile").add(url);
		assertThat(sendJson("POST", "/fhir/Patient", clientWithoutBirthDate.toString()).statusCode()).isEqualTo(201);

		profile.getSnapshot().getElement().stream().filter(element -> element.getId().equals("Patient.birthDate"))
				.forEach(element -> element.setMin(1));
		assertThat(sendJson("PUT", "/fhir/StructureDefinition/" + id,
				fhirContext.newJsonParser().encodeResourceToString(profile.setId(id))).statusCode()).isEqualTo(200);

		HttpResponse<String> refused = sendJson("POST", "/fhir/Patient", clientWithoutBirthDate.toString());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("Patient.birthDate: minimum required = 1, but only found 0");
	}

	/**
	 * A resource that breaks its profile and refers to a resource the server does not hold (which
	 * HAPI refuses to store, with 400) is refused for its profile errors: validation comes first.
	 */
	@Test
	void anInvalidResourceThatCouldNotBeStoredEitherIsRefusedForItsErrors() {
		ObjectNode patient = without(read("Patient-PatientRivera.json"), "/identifier");
		patient.remove("id");
		((ObjectNode) patient.withArray("name").get(0)).put("family", unique);
		patient.putObject("managingOrganization").put("reference", "Organization/missing-" + unique);

		HttpResponse<String> refused = sendJson("POST", "/fhir/Patient", patient.toString());

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("Patient.identifier: minimum required = 1, but only found 0");
		assertThat(client.search().forResource(Patient.class).where(Patient.FAMILY.matchesExactly().value(unique))
				.returnBundle(Bundle.class).execute().getEntry()).isEmpty();
	}
}

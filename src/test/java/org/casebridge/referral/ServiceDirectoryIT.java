package org.casebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The community service directory searched as a case manager does: the sample directory
 * ({@code sample-bundles/00-community-directory.json}) stored under an identifier system of this
 * class's own, so every search, narrowed to it with {@code identifier=<system>|}, has an exactly
 * known result. The expected services are the sample's, by name. Searches share one stored
 * directory; a test that changes a service stores its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceDirectoryIT extends FhirServerTestBase {

	private static final Path DIRECTORY = Path.of("sample-bundles", "00-community-directory.json");
	private static final String SAMPLE_SYSTEM = "http://casebridge.org/fhir/sid/sample";
	private static final String CATEGORY = "http://casebridge.org/fhir/CodeSystem/cb-service-category|";
	private static final String ELIGIBILITY = "http://casebridge.org/fhir/CodeSystem/cb-service-eligibility|";
	private static final String CAPACITY = "http://casebridge.org/fhir/StructureDefinition/cb-service-capacity";
	/** Riverside General Hospital's Community Care Management office, where the case managers work. */
	private static final String HOSPITAL = "39.7590|-84.1916";

	private String directory;

	@BeforeAll
	void storeTheDirectory() throws IOException {
		directory = storeADirectory();
	}

	/** Stores the sample directory under a new identifier system, and returns the system. */
	private String storeADirectory() throws IOException {
		String ownSystem = SAMPLE_SYSTEM + "-" + UUID.randomUUID();
		HttpResponse<String> stored = send(request("/fhir").header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(Files.readString(DIRECTORY).replace(SAMPLE_SYSTEM, ownSystem))).build());
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		return ownSystem;
	}

	@Test
	void byCategory() {
		assertThat(serviceNames(directory, "service-category=" + CATEGORY + "housing")).containsExactlyInAnyOrder(
				"Housing Navigation and Rapid Re-housing",
				"Emergency Rent and Utility Assistance",
				"Recovery Housing");
		assertThat(serviceNames(directory, "service-category=" + CATEGORY + "housing&service-category=" + CATEGORY
				+ "substance-use-treatment")).containsExactly("Recovery Housing");
	}

	@Test
	void byEligibility() {
		assertThat(serviceNames(directory, "eligibility=" + ELIGIBILITY + "older-adult")).containsExactlyInAnyOrder(
				"Long-Term Care Options Counseling",
				"Medical Appointment Rides",
				"Eviction Defense and Public Benefits Appeals");
		// Repeated, every criterion must be stated: services for adults with a substance use disorder.
		assertThat(serviceNames(directory, "eligibility=" + ELIGIBILITY + "adult&eligibility=" + ELIGIBILITY
				+ "substance-use-disorder")).containsExactlyInAnyOrder(
				"Recovery Housing",
				"Intensive Outpatient Program",
				"Medication for Opioid Use Disorder");
	}

	@Test
	void byLanguage() {
		assertThat(serviceNames(directory, "language=es")).containsExactlyInAnyOrder(
				"Housing Navigation and Rapid Re-housing",
				"Food Pantry Network and SNAP Application Help",
				"Outpatient Therapy",
				"Medication for Opioid Use Disorder",
				"Eviction Defense and Public Benefits Appeals");
		assertThat(serviceNames(directory, "language=urn:ietf:bcp:47|vi&service-category=" + CATEGORY + "food"))
				.containsExactly("Food Pantry Network and SNAP Application Help");
	}

	@Test
	void byCapacity() {
		assertThat(serviceNames(directory, "capacity-status=waitlist")).containsExactlyInAnyOrder(
				"Recovery Housing",
				"Psychiatric Evaluation and Medication Management",
				"Intensive Outpatient Program");
		assertThat(serviceNames(directory, "capacity-status=available,limited&service-category=" + CATEGORY
				+ "mental-health-services")).containsExactly("Outpatient Therapy");
		assertThat(serviceNames(directory, "capacity-status:not=available&capacity-status:not=limited"
				+ "&capacity-status:not=waitlist")).containsExactly("In-Home Personal Care and Respite Aides");
		assertThat(serviceNames(directory, "capacity-status:missing=true")).isEmpty();
		assertThat(serviceNames(directory, "capacity-slots=ge10")).containsExactlyInAnyOrder(
				"Emergency Rent and Utility Assistance",
				"Transitions of Care Clinic",
				"Long-Term Care Options Counseling",
				"Medical Appointment Rides");
	}

	@Test
	void locationsNearTheHospitalWithTheirServices() {
		Bundle within1Km = search(directory, "Location?near=" + HOSPITAL + "|1|km&_revinclude=HealthcareService:location");

		assertThat(names(within1Km, SearchEntryMode.MATCH)).containsExactlyInAnyOrder(
				"Riverside General Hospital - Community Care Management office",
				"Riverside General Hospital - Transitions of Care Clinic",
				"Valley Area Agency on Aging - main office",
				"Riverside Legal Aid Society - main office");
		assertThat(names(within1Km, SearchEntryMode.INCLUDE)).containsExactlyInAnyOrder(
				"Transitions of Care Clinic",
				"Long-Term Care Options Counseling",
				"Family Caregiver Support Program",
				"Medicare and Benefits Counseling",
				"Eviction Defense and Public Benefits Appeals");
		assertThat(names(search(directory, "Location?near=" + HOSPITAL + "|5|km"), SearchEntryMode.MATCH))
				.containsExactlyInAnyOrder(
						"Riverside General Hospital - Community Care Management office",
						"Riverside General Hospital - Transitions of Care Clinic",
						"Valley Area Agency on Aging - main office",
						"Riverside Legal Aid Society - main office",
						"Harbor Housing Alliance - main office",
						"Lakeside CMHC - Lakeview Avenue clinic",
						"Tri-County Community Food Bank - distribution center");
	}

	@Test
	void servicesNearTheHospitalThroughTheirLocation() {
		assertThat(serviceNames(directory, "location.near=" + HOSPITAL + "|5|km&service-category=" + CATEGORY + "housing"))
				.containsExactlyInAnyOrder(
						"Housing Navigation and Rapid Re-housing",
						"Emergency Rent and Utility Assistance",
						"Recovery Housing");
		assertThat(serviceNames(directory, "location.near=" + HOSPITAL + "|1|km&service-category=" + CATEGORY + "housing"))
				.isEmpty();
	}

	@Test
	void capacityPatchedAloneIsSearchableAtOnce() throws IOException {
		String ownDirectory = storeADirectory();
		HealthcareService therapy = service(ownDirectory, "Outpatient Therapy");
		String body = """
				{"resourceType": "Parameters", "parameter": [
				  {"name": "operation", "part": [
				    {"name": "type", "valueCode": "replace"},
				    {"name": "path", "valueString": "HealthcareService.extension('%1$s').extension('status').value"},
				    {"name": "value", "valueCode": "full"}]},
				  {"name": "operation", "part": [
				    {"name": "type", "valueCode": "replace"},
				    {"name": "path", "valueString": "HealthcareService.extension('%1$s').extension('availableSlots').value"},
				    {"name": "value", "valueUnsignedInt": 0}]},
				  {"name": "operation", "part": [
				    {"name": "type", "valueCode": "replace"},
				    {"name": "path", "valueString": "HealthcareService.extension('%1$s').extension('asOf').value"},
				    {"name": "value", "valueDateTime": "2026-11-26T08:00:00-05:00"}]}]}
				""".formatted(CAPACITY);

		HttpResponse<String> patched = send(request("/fhir/HealthcareService/" + therapy.getIdElement().getIdPart())
				.header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.header("If-Match", "W/\"" + therapy.getIdElement().getVersionIdPart() + "\"")
				.method("PATCH", BodyPublishers.ofString(body)).build());

		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		HealthcareService stored = parse(patched, HealthcareService.class);
		assertThat(stored.getIdElement().getVersionIdPart()).isEqualTo(
				String.valueOf(therapy.getIdElement().getVersionIdPartAsLong() + 1));
		HealthcareService expected = therapy.copy();
		Extension capacity = expected.getExtensionByUrl(CAPACITY);
		capacity.getExtensionByUrl("status").setValue(new CodeType("full"));
		capacity.getExtensionByUrl("availableSlots").setValue(new UnsignedIntType(0));
		capacity.getExtensionByUrl("asOf").setValue(new DateTimeType("2026-11-26T08:00:00-05:00"));
		assertThat(withoutMeta(stored).equalsDeep(withoutMeta(expected))).as(patched.body()).isTrue();
		assertThat(serviceNames(ownDirectory, "capacity-status=full")).containsExactlyInAnyOrder(
				"In-Home Personal Care and Respite Aides",
				"Outpatient Therapy");
		assertThat(serviceNames(ownDirectory, "capacity-status=available,limited&service-category=" + CATEGORY
				+ "mental-health-services")).isEmpty();
	}

	/** A patch is validated as a PUT of the patched resource would be: refused, nothing stored. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"FHIRPath Patch", "JSON Patch"})
	void capacityPatchedToAnUnknownStatusIsRefused(String kind) throws IOException {
		String ownDirectory = storeADirectory();
		HealthcareService therapy = service(ownDirectory, "Outpatient Therapy");
		String id = therapy.getIdElement().getIdPart();
		HttpResponse<String> patched = send(request("/fhir/HealthcareService/" + id)
				.header("Accept", FHIR_JSON)
				.header("Content-Type", kind.equals("JSON Patch") ? "application/json-patch+json" : FHIR_JSON)
				.method("PATCH", BodyPublishers.ofString(kind.equals("JSON Patch") ? """
						[{"op": "replace", "path": "/extension/0/extension/0/valueCode", "value": "closed"}]
						""" : """
						{"resourceType": "Parameters", "parameter": [
						  {"name": "operation", "part": [
						    {"name": "type", "valueCode": "replace"},
						    {"name": "path", "valueString": "HealthcareService.extension('%s').extension('status').value"},
						    {"name": "value", "valueCode": "closed"}]}]}
						""".formatted(CAPACITY))).build());

		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(422);
		assertThat(parse(patched, OperationOutcome.class).getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics())
				.contains("The value provided ('closed') was not found in the value set 'CaseBridge Service Capacity Status'"));
		HealthcareService stored = client.read().resource(HealthcareService.class).withId(id).execute();
		assertThat(stored.getIdElement().getVersionIdPart()).isEqualTo(therapy.getIdElement().getVersionIdPart());
		assertThat(stored.getExtensionByUrl(CAPACITY).getExtensionByUrl("status").getValue().primitiveValue())
				.isEqualTo("limited");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
		"HealthcareService?capacity-status=closed",
		"HealthcareService?capacity-status=available,closed",
		"HealthcareService?capacity-status=http://example.org/other|available",
		"HealthcareService?capacity-status:not=closed",
		"HealthcareService?capacity-slots=many",
		"Location?near=somewhere",
		"Location?near=39.7590",
		"Location?near=39.7590|east|1|km",
		"Location?near=39.7590|-84.1916|far|km",
		"Location?near=39.7590|-84.1916|-1|km",
		"Location?near=39.7590|-84.1916|1|parsecs",
		"Location?near=39.7590|-84.1916|20000|km",
		"Location?near=95|-84.1916|1|km",
		"Location?near=NaN|-84.1916|1|km",
		"HealthcareService?location.near=39.7590|east|1|km"})
	void badSearchInputIsRefusedWithAnOperationOutcome(String search) {
		HttpResponse<String> response = get("/fhir/" + search);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isNotBlank();
	}

	@Test
	void ourSearchParametersAreInTheCapabilityStatement() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		List<CapabilityStatementRestResourceSearchParamComponent> params = capabilities.getRestFirstRep().getResource()
				.stream().filter(resource -> resource.getType().equals("HealthcareService"))
				.findFirst().orElseThrow().getSearchParam();
		assertThat(params).filteredOn(param -> param.hasDefinition() && param.getDefinition().startsWith("http://casebridge.org/"))
				.extracting(param -> param.getName() + " " + param.getType().toCode() + " " + param.getDefinition())
				.containsExactlyInAnyOrder(
						"eligibility token http://casebridge.org/fhir/SearchParameter/cb-service-eligibility",
						"language token http://casebridge.org/fhir/SearchParameter/cb-service-language",
						"capacity-status token http://casebridge.org/fhir/SearchParameter/cb-service-capacity-status",
						"capacity-slots number http://casebridge.org/fhir/SearchParameter/cb-service-capacity-slots");
	}

	private List<String> serviceNames(String directory, String query) {
		return names(search(directory, "HealthcareService?" + query), SearchEntryMode.MATCH);
	}

	private HealthcareService service(String directory, String name) {
		Bundle found = search(directory, "HealthcareService?name:exact=" + encode(name));
		assertThat(found.getEntry()).hasSize(1);
		return (HealthcareService) found.getEntryFirstRep().getResource();
	}

	/** Searches one stored directory only: the resources whose identifiers are in its system. */
	private Bundle search(String directory, String search) {
		HttpResponse<String> response = get("/fhir/" + search + "&identifier=" + encode(directory + "|"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Bundle bundle = parse(response, Bundle.class);
		assertThat(bundle.getLink(Bundle.LINK_NEXT)).as("one page holds the whole result").isNull();
		return bundle;
	}

	/** A GET as a client writes it, with the vertical bars of token and near values escaped. */
	private HttpResponse<String> get(String path) {
		return send(request(path.replace("|", "%7C")).header("Accept", FHIR_JSON).GET().build());
	}

	private static List<String> names(Bundle bundle, SearchEntryMode mode) {
		return bundle.getEntry().stream()
				.filter(entry -> entry.getSearch().getMode() == mode)
				.map(entry -> entry.getResource() instanceof Location location ? location.getName()
						: ((HealthcareService) entry.getResource()).getName())
				.toList();
	}

	private static Resource withoutMeta(Resource resource) {
		Resource copy = resource.copy();
		copy.setMeta(null);
		copy.setIdElement(null);
		return copy;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}

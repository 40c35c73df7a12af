package org.casebridge;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the whole server once on a random port against the real PostgreSQL and hands each test a
 * HAPI generic client and a plain HTTP client, as an EHR would use. Every integration test
 * extending this class shares the one Spring context, so keep its configuration here.
 */
@SpringBootTest(
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			"casebridge.server.cors-allowed-origins=https://app.casebridge.test",
			"casebridge.caseload.programs.geriatric.referral-acceptance=P2D"})
@ActiveProfiles("postgres")
public abstract class FhirServerTestBase {

	protected static final String FHIR_JSON = "application/fhir+json";

	@LocalServerPort
	private int port;

	protected final FhirContext fhirContext = FhirContext.forR4Cached();
	protected IGenericClient client;
	protected final HttpClient http = HttpClient.newHttpClient();

	/** A value unique to this test, so runs against a database kept between runs never collide. */
	protected final String unique = UUID.randomUUID().toString();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestDatabase.ensureExists();
		registry.add("spring.datasource.url", () -> TestDatabase.URL);
		registry.add("spring.datasource.username", () -> TestDatabase.USER);
		registry.add("spring.datasource.password", () -> "");
		// The postgres profile refuses to start open unless told to; the security ITs add an issuer.
		registry.add("casebridge.security.allow-anonymous", () -> "true");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMailServer::port);
	}

	@BeforeEach
	void connectClient() {
		fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		// Large batches are validated entry by entry and take longer than the client's default 10 s.
		fhirContext.getRestfulClientFactory().setSocketTimeout(120_000);
		client = fhirContext.newRestfulGenericClient(baseUrl());
	}

	protected String baseUrl() {
		return "http://localhost:" + port + "/fhir";
	}

	/** A plain HTTP request to a path below the server root, such as {@code /fhir/Patient/1}. */
	protected HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	/** Sends FHIR JSON with {@code method} (POST or PUT) to a path below the server root. */
	protected HttpResponse<String> sendJson(String method, String path, String json) {
		return send(request(path).header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.method(method, HttpRequest.BodyPublishers.ofString(json)).build());
	}

	/**
	 * Reads the resource at {@code path} and asserts it is what the client sent, field for field
	 * (see {@link ResourceJsonDifferences}).
	 */
	protected void assertReadsBackAsSent(String sentJson, String path) {
		HttpResponse<String> read = send(request(path).header("Accept", FHIR_JSON).build());
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(ResourceJsonDifferences.between(sentJson, read.body()))
				.as("what %s reads back differs from what was sent:%n%s", path, sentJson)
				.isEmpty();
	}

	/** A new client (profile cb-client) with a unique MRN. */
	protected Reference newClient(AdministrativeGender gender, LocalDate birthDate) {
		Patient patient = new Patient().setGender(gender).setBirthDate(date(birthDate));
		patient.addIdentifier().setSystem("http://hospital.example/mrn").setValue(unique + "-" + System.nanoTime());
		patient.addName().setFamily("Client").addGiven("Test");
		return stored(patient);
	}

	protected Reference newClient() {
		return newClient(AdministrativeGender.FEMALE, LocalDate.of(1960, 5, 17));
	}

	protected Reference newPractitioner() {
		Practitioner practitioner = new Practitioner();
		practitioner.addName().setFamily("Manager").addGiven("Case");
		return stored(practitioner);
	}

	/** Stores a resource; the reference that others use for it. */
	protected Reference stored(Resource resource) {
		return new Reference(client.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue());
	}

	protected static Date date(LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	/**
	 * The CapabilityStatement lists the operation on the resource type with our package's
	 * OperationDefinition as its definition, and the server holds that OperationDefinition.
	 */
	protected OperationDefinition assertOperationDefinedByOurPackage(String resourceType, String operation) {
		String url = "http://casebridge.org/fhir/OperationDefinition/" + resourceType + "-" + operation;
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
		assertThat(capabilities.getRestFirstRep().getResource())
				.filteredOn(resource -> resource.getType().equals(resourceType))
				.singleElement()
				.satisfies(resource -> assertThat(resource.getOperation())
						.filteredOn(listed -> listed.getName().equals(operation))
						.singleElement()
						.satisfies(listed -> assertThat(listed.getDefinition()).isEqualTo(url)));
		Bundle definitions = client.search().forResource(OperationDefinition.class)
				.where(OperationDefinition.URL.matches().value(url))
				.returnBundle(Bundle.class).execute();
		assertThat(definitions.getEntry()).hasSize(1);
		OperationDefinition definition = (OperationDefinition) definitions.getEntryFirstRep().getResource();
		assertThat(definition.getCode()).isEqualTo(operation);
		return definition;
	}

	protected <T extends IBaseResource> T parse(HttpResponse<String> response, Class<T> type) {
		return fhirContext.newJsonParser().parseResource(type, response.body());
	}

	protected HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (Exception e) {
			throw new IllegalStateException("Request to " + request.uri() + " failed", e);
		}
	}
}

package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.casebridge.Eventually;
import org.casebridge.FhirServerTestBase;
import org.casebridge.security.TestAuthorizationServer.Client;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server with access control on, trusting the {@link TestAuthorizationServer} on loopback: one
 * Spring context shared by every security integration test. {@link #client} is an EHR backend
 * service allowed everything on every resource, for setting data up; tests ask the authorization
 * server for the tokens they examine, as a real client would.
 */
@SpringBootTest(
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
			"casebridge.security.audience=" + TestAuthorizationServer.AUDIENCE,
			// The trail's job runs often here: tests that read the trail wait for it (awaitAuditTrail).
			"casebridge.audit.seal-interval=PT0.2S",
			"casebridge.server.cors-allowed-origins=" + SecuredServerTestBase.BROWSER_APP})
public abstract class SecuredServerTestBase extends FhirServerTestBase {

	/** The origin of a browser app allowed to call the server (CORS). */
	protected static final String BROWSER_APP = "https://app.casebridge.test";
	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@Autowired
	protected DataSource dataSource;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("casebridge.security.issuer", TestAuthorizationServer::issuer);
	}

	@BeforeEach
	void connectAsEhrBackend() {
		client = clientWith(token(Client.EHR_BACKEND, "system/*.cruds"));
	}

	/** An access token for {@code client} with {@code scopes}, by client_credentials (RFC 6749 §4.4). */
	protected String token(Client client, String scopes) {
		return TOKENS.computeIfAbsent(client.id + " " + scopes, key -> TestAuthorizationServer.token(client, scopes));
	}

	/** The community organisation whose backend service the authorization server knows, stored; its reference. */
	protected String storeCommunityOrganisation() {
		Organization organisation = new Organization().setName("Community services");
		organisation.setId(TestAuthorizationServer.COMMUNITY_ORGANIZATION);
		client.update().resource(organisation).execute();
		return "Organization/" + TestAuthorizationServer.COMMUNITY_ORGANIZATION;
	}

	/** A Practitioner with the id a case manager's token names, stored; its reference. */
	protected String storePractitioner(String id) {
		Practitioner practitioner = new Practitioner();
		practitioner.setId(id);
		practitioner.addName().setFamily("Manager").addGiven(id);
		client.update().resource(practitioner).execute();
		return "Practitioner/" + id;
	}

	/** An active care team for {@code patient} with {@code member} as its case manager; its reference. */
	protected String storeCareTeam(String patient, String member) {
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(patient));
		team.addParticipant().setMember(new Reference(member)).addRole(new CodeableConcept(
				new Coding("http://casebridge.org/fhir/CodeSystem/cb-care-team-role", "case-manager", "Case manager")));
		return stored(team).getReference();
	}

	protected IGenericClient clientWith(String token) {
		IGenericClient withToken = fhirContext.newRestfulGenericClient(baseUrl());
		withToken.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return withToken;
	}

	/** GET of a path below the server root with a token (or none, if {@code token} is null). */
	protected HttpResponse<String> get(String path, String token) {
		HttpRequest.Builder request = request(path).header("Accept", FHIR_JSON);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	/** A request id for the {@code X-Request-ID} header, by which the request's AuditEvents are found. */
	protected static String newRequestId() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/**
	 * Waits until nothing waits in the audit outbox: every event of a request answered before is
	 * then an AuditEvent (the trail's job stores them every second; a row it gave up on waits no more).
	 */
	protected void awaitAuditTrail() {
		// FAILURES: attempts at a row whose event was refused; after 3 (AuditOutbox.ATTEMPTS) it is given up.
		JdbcTemplate database = new JdbcTemplate(dataSource);
		Eventually.until("the audit outbox emptied", Duration.ofSeconds(30), () ->
				database.queryForObject("SELECT COUNT(*) FROM CB_AUDIT_OUTBOX WHERE FAILURES < 3", Long.class) == 0);
	}

	/** The AuditEvents of the request sent with {@code requestId}, read with an audit scope. */
	protected List<AuditEvent> auditEventsOf(String requestId) {
		awaitAuditTrail();
		HttpResponse<String> found = get("/fhir/AuditEvent?request=" + requestId + "&_count=100",
				token(Client.EHR_BACKEND, "system/AuditEvent.rs"));
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return parse(found, Bundle.class).getEntry().stream().map(entry -> (AuditEvent) entry.getResource()).toList();
	}

	/** Who an event says made the request: the user agent's identifier. */
	protected static String user(AuditEvent event) {
		return event.getAgent().stream().filter(AuditEvent.AuditEventAgentComponent::getRequestor).findFirst()
				.map(agent -> agent.getWho().getIdentifier().getValue()).orElse(null);
	}

	/** The answer is {@code status} with an OperationOutcome. */
	protected void assertRefusedWithOperationOutcome(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("fhir+json"));
		OperationOutcome outcome = parse(response, OperationOutcome.class);
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank();
	}
}

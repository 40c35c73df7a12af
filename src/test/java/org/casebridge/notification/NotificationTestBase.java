package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.casebridge.FhirServerTestBase;
import org.casebridge.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A performer's referral (client, ServiceRequest, Organization) stored on the shared test server,
 * and a subscriber on loopback, for the tests of notifications about its Tasks.
 */
abstract class NotificationTestBase extends FhirServerTestBase {

	protected static final ObjectMapper JSON = new ObjectMapper();
	protected static final Duration PROMPTLY = Duration.ofSeconds(10);

	protected final Referrals referral = new Referrals();
	protected Subscriber subscriber;

	@BeforeEach
	void storeReferralAndStartSubscriber() throws Exception {
		subscriber = Subscriber.start(ServerProcess.freePort());
		put("Organization", referral.organizationId, referral.organization());
		put("Patient", referral.patientId, referral.patient());
		put("ServiceRequest", referral.serviceRequestId, referral.serviceRequest());
	}

	@AfterEach
	void stopSubscriber() {
		subscriber.close();
	}

	/** Creates the Subscription, waits until the server has activated it, and returns its id. */
	protected String subscribe(String subscription) throws Exception {
		HttpResponse<String> created = sendJson("POST", "/fhir/Subscription", subscription);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JSON.readTree(created.body()).path("id").asText();
		long deadline = System.nanoTime() + PROMPTLY.toNanos();
		String status = "";
		while (System.nanoTime() < deadline) {
			status = JSON.readTree(send(request("/fhir/Subscription/" + id).header("Accept", FHIR_JSON).build()).body())
					.path("status").asText();
			if (status.equals("active")) {
				return id;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Subscription/" + id + " is still " + status);
	}

	/** PUTs the resource and returns the version the server stored. */
	protected String put(String type, String id, String json) throws Exception {
		HttpResponse<String> response = sendJson("PUT", "/fhir/" + type + "/" + id, json);
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
		return JSON.readTree(response.body()).path("meta").path("versionId").asText();
	}
}

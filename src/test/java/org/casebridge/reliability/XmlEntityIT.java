package org.casebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * XML bodies with a document type: the server must neither read local files nor fetch URLs a
 * client names in a DOCTYPE, nor expand entities without bound (OWASP XXE; FHIR R4 security.html
 * asks servers to refuse DTDs). A DOCTYPE is refused outright with 400.
 */
class XmlEntityIT extends BadInputTestBase {

	private static final String XML = "application/fhir+xml";

	/** A loopback HTTP server standing in for an attacker's host: it counts every request the FHIR server makes. */
	private HttpServer canary;
	private final AtomicInteger canaryRequests = new AtomicInteger();
	private final String canaryContent = "canary-" + unique;

	@BeforeEach
	void startCanary() throws IOException {
		canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		canary.createContext("/", exchange -> {
			canaryRequests.incrementAndGet();
			byte[] body = ("<!ENTITY canary \"" + canaryContent + "\">").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		canary.start();
	}

	@AfterEach
	void stopCanary() {
		canary.stop(0);
	}

	@Test
	void externalEntityNamingALocalFileIsRefusedUnread() {
		HttpResponse<String> response = post("""
				<?xml version="1.0"?>
				<!DOCTYPE Patient [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>
				""" + patientWithFamily("&passwd;"));

		assertRefused(response, 400);
		assertThat(response.body()).doesNotContain("root:");
		assertNothingStored("Patient");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"external entity", "external DTD", "external parameter entity"})
	void urlsInADoctypeAreNeverFetched(String kind) {
		String url = "http://127.0.0.1:" + canary.getAddress().getPort() + "/" + unique;
		String doctype = switch (kind) {
			case "external entity" -> "<!DOCTYPE Patient [<!ENTITY canary SYSTEM \"" + url + "\">]>";
			case "external DTD" -> "<!DOCTYPE Patient SYSTEM \"" + url + "\">";
			default -> "<!DOCTYPE Patient [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>";
		};

		HttpResponse<String> response = post("<?xml version=\"1.0\"?>\n" + doctype + "\n" + patientWithFamily("&canary;"));

		assertRefused(response, 400);
		assertThat(canaryRequests).as("requests the server made to the URL in the DOCTYPE").hasValue(0);
		assertThat(response.body()).doesNotContain(canaryContent);
		assertNothingStored("Patient");
	}

	@Test
	void entityExpansionIsRefusedQuickly() {
		StringBuilder doctype = new StringBuilder("<!DOCTYPE Patient [<!ENTITY lol0 \"lol\">");
		for (int level = 1; level <= 9; level++) {
			doctype.append("<!ENTITY lol").append(level).append(" \"")
					.append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
		}
		doctype.append("]>");

		HttpResponse<String> response = sendWithin(Duration.ofSeconds(10), fhirRequest("/fhir/Patient")
				.header("Content-Type", XML)
				.POST(BodyPublishers.ofString("<?xml version=\"1.0\"?>\n" + doctype + "\n" + patientWithFamily("&lol9;"))));

		assertRefused(response, 400);
		assertNothingStored("Patient");
	}

	private HttpResponse<String> post(String xml) {
		return write("POST", "/fhir/Patient", XML, xml);
	}

	private String patientWithFamily(String family) {
		return "<Patient xmlns=\"http://hl7.org/fhir\"><identifier><system value=\"" + MARKER_SYSTEM
				+ "\"/><value value=\"" + unique + "\"/></identifier><name><family value=\"" + family
				+ "\"/></name></Patient>";
	}
}

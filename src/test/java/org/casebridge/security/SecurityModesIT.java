package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.catalina.connector.Connector;
import org.casebridge.CaseBridgeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Without an issuer: the first-run default serves without tokens but only on the loopback
 * interface, and the postgres profile refuses to start unless running open is asked for.
 */
class SecurityModesIT {

	@TempDir
	Path dataDirectory;

	@Test
	void thePostgresProfileRefusesToStartWithoutAnIssuer() {
		// As docker compose passes an unset issuer: an empty value.
		assertThatThrownBy(() -> new SpringApplicationBuilder(CaseBridgeApplication.class)
				.run("--server.port=0", "--spring.profiles.active=postgres", "--casebridge.security.issuer=",
						"--casebridge.security.jwk-set-uri="))
				.getRootCause()
				.hasMessageContaining("casebridge.security.issuer")
				.hasMessageContaining("casebridge.security.allow-anonymous=true");
	}

	@Test
	void theFirstRunDefaultServesWithoutTokensOnLoopbackOnly() throws Exception {
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(CaseBridgeApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("casebridge"))) {
			Connector connector = ((TomcatWebServer) ((ServletWebServerApplicationContext) server).getWebServer())
					.getTomcat().getConnector();
			assertThat((InetAddress) connector.getProperty("address")).isEqualTo(InetAddress.getLoopbackAddress());

			String port = server.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> search = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/Patient?_count=1")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
		}
	}
}

package org.casebridge.server;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the FHIR REST endpoint.
 *
 * @param defaultPageSize search results per page when the client sends no {@code _count}
 * @param maxPageSize the largest {@code _count} honoured; larger values are capped
 * @param publicBaseUrl the base URL clients see, when a proxy rewrites it; empty means "as requested"
 * @param corsAllowedOrigins origin patterns browsers may call from; empty disables CORS
 */
@ConfigurationProperties("casebridge.server")
public record FhirServerProperties(
		@DefaultValue("20") int defaultPageSize,
		@DefaultValue("1000") int maxPageSize,
		@DefaultValue("") String publicBaseUrl,
		@DefaultValue List<String> corsAllowedOrigins) {}

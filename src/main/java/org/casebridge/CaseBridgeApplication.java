package org.casebridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** CaseBridge: an HL7 FHIR R4 care-coordination server built on the HAPI FHIR JPA server. */
@SpringBootApplication(
		exclude = {
			// HAPI creates its schema itself and does not use Elasticsearch unless full-text search is on.
			FlywayAutoConfiguration.class,
			ElasticsearchClientAutoConfiguration.class,
			ElasticsearchRestClientAutoConfiguration.class,
			// Thymeleaf arrives with HAPI's narrative generator; CaseBridge serves no web pages.
			ThymeleafAutoConfiguration.class
		})
@ConfigurationPropertiesScan
public class CaseBridgeApplication {

	public static void main(String[] args) {
		SpringApplication.run(CaseBridgeApplication.class, args);
	}
}

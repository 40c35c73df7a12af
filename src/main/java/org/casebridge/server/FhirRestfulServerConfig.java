package org.casebridge.server;

import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.openapi.OpenApiInterceptor;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.CorsInterceptor;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;

/** The FHIR R4 REST endpoint at {@code /fhir}: resource providers, paging, CapabilityStatement. */
@Configuration
class FhirRestfulServerConfig {

	private static final String FHIR_PATH = "/fhir/*";

	@Bean
	RestfulServer fhirRestfulServer(
			FhirContext fhirContext,
			ResourceProviderFactory resourceProviders,
			JpaSystemProvider<?, ?> systemProvider,
			ValueSetOperationProvider valueSetOperations,
			BulkDataExportProvider bulkExport,
			ObjectProvider<OperationProvider> featureOperations,
			ObjectProvider<ResourceProviderOverride> featureResourceProviders,
			DatabaseBackedPagingProvider pagingProvider,
			IFhirSystemDao<?, ?> systemDao,
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			FhirServerProperties properties,
			BuildProperties build) {
		RestfulServer server = new RestfulServer(fhirContext);
		server.setServerName("CaseBridge");
		server.setServerVersion(build.getVersion());
		server.setImplementationDescription("CaseBridge care-coordination FHIR server");
		server.setDefaultResponseEncoding(EncodingEnum.JSON);

		List<ResourceProviderOverride> overrides = featureResourceProviders.orderedStream().toList();
		server.registerProviders(resourceProviders.createProviders().stream()
				.filter(hapi -> overrides.stream().noneMatch(feature ->
						feature.getResourceType().equals(((IResourceProvider) hapi).getResourceType())))
				.toList());
		server.registerProviders(overrides);
		server.registerProviders(systemProvider, valueSetOperations);
		// FHIR Bulk Data $export (system, Patient, Group) and its status endpoint, run as HAPI batch jobs.
		server.registerProvider(bulkExport);
		featureOperations.orderedStream().forEach(server::registerProvider);
		JpaCapabilityStatementProvider capabilityStatement = new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport);
		// Resource counts would cost a count query per resource type on every /metadata read.
		capabilityStatement.setIncludeResourceCounts(false);
		server.setServerConformanceProvider(capabilityStatement);

		pagingProvider.setDefaultPageSize(properties.defaultPageSize());
		pagingProvider.setMaximumPageSize(properties.maxPageSize());
		server.setPagingProvider(pagingProvider);

		if (!properties.publicBaseUrl().isBlank()) {
			server.setServerAddressStrategy(new HardcodedServerAddressStrategy(properties.publicBaseUrl()));
		}
		server.registerInterceptor(new OpenApiInterceptor());
		if (!properties.corsAllowedOrigins().isEmpty()) {
			server.registerInterceptor(corsInterceptor(properties.corsAllowedOrigins()));
		}
		return server;
	}

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer fhirRestfulServer) {
		ServletRegistrationBean<RestfulServer> registration =
				new ServletRegistrationBean<>(fhirRestfulServer, FHIR_PATH);
		// Initialise HAPI at start-up rather than on the first request.
		registration.setLoadOnStartup(1);
		return registration;
	}

	/** Before anything else sees a FHIR request: nothing is served until the server is ready. */
	@Bean
	FilterRegistrationBean<ReadinessGateFilter> readinessGate(
			ServletRegistrationBean<RestfulServer> fhirServlet, ApplicationAvailability availability, OperationOutcomeWriter outcomes) {
		FilterRegistrationBean<ReadinessGateFilter> registration =
				new FilterRegistrationBean<>(new ReadinessGateFilter(availability, outcomes), fhirServlet);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static CorsInterceptor corsInterceptor(List<String> allowedOrigins) {
		CorsConfiguration cors = new CorsConfiguration();
		allowedOrigins.forEach(cors::addAllowedOriginPattern);
		cors.setAllowedHeaders(List.of(
				HttpHeaders.ORIGIN, HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION,
				HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE,
				"If-None-Exist", "Prefer", "X-Requested-With"));
		cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION, HttpHeaders.ETAG,
				HttpHeaders.LAST_MODIFIED));
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"));
		return new CorsInterceptor(cors);
	}
}

package org.casebridge.limits;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.casebridge.server.OperationOutcomeWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the request body limits in front of the FHIR endpoint, right after the readiness gate. */
@Configuration
class LimitsConfig {

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimits(
			ServletRegistrationBean<RestfulServer> fhirServlet, LimitsProperties limits, OperationOutcomeWriter outcomes) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration =
				new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, outcomes), fhirServlet);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}
}

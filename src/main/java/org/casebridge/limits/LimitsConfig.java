package org.casebridge.limits;

import ca.uhn.fhir.rest.server.RestfulServer;
import org.casebridge.server.OperationOutcomeWriter;
import org.casebridge.server.RefusedRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.orm.jpa.JpaTransactionManager;

/**
 * Puts the request body limits in front of the FHIR endpoint, after the readiness gate and the token check, and
 * bounds every database transaction by the request time limit: Hibernate gives each statement
 * what is left of it, and PostgreSQL cancels a statement that runs past it.
 */
@Configuration
class LimitsConfig {

	@Bean
	static BeanPostProcessor transactionTimeLimit(ObjectProvider<LimitsProperties> limits) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JpaTransactionManager transactions) {
					transactions.setDefaultTimeout((int) limits.getObject().requestTimeout().toSeconds());
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimits(
			ServletRegistrationBean<RestfulServer> fhirServlet, LimitsProperties limits, OperationOutcomeWriter outcomes,
			ObjectProvider<RefusedRequests> audit) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration =
				new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, outcomes, audit), fhirServlet);
		// After the readiness gate and the token check (spring.security.filter.order): nobody
		// without a token makes the server read a body.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}
}

package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import org.casebridge.CaseBridgeApplication;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Registers every CaseBridge Spring bean annotated {@link Interceptor} on HAPI's JPA interceptor
 * service, so its storage hooks see every write: REST calls, transaction and batch entries, and
 * DAO calls made by the server itself. (HAPI registers its own interceptors; only ours are added.)
 */
@Component
class JpaInterceptorRegistrar implements SmartInitializingSingleton {

	private static final String OUR_PACKAGE = CaseBridgeApplication.class.getPackageName();

	private final ApplicationContext context;
	private final IInterceptorService jpaInterceptorService;

	JpaInterceptorRegistrar(ApplicationContext context, IInterceptorService jpaInterceptorService) {
		this.context = context;
		this.jpaInterceptorService = jpaInterceptorService;
	}

	@Override
	public void afterSingletonsInstantiated() {
		context.getBeansWithAnnotation(Interceptor.class).values().stream()
				.filter(bean -> bean.getClass().getPackageName().startsWith(OUR_PACKAGE))
				.forEach(jpaInterceptorService::registerInterceptor);
	}
}

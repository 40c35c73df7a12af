package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebridge.CaseBridgeApplication;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Registers every CaseBridge Spring bean annotated {@link Interceptor} with HAPI, where its hooks
 * are fired:
 *
 * <ul>
 *   <li>hooks on {@code SERVER_*} pointcuts (request handling, CapabilityStatement) on the
 *       RestfulServer;
 *   <li>all other hooks ({@code STORAGE_*} and the like) on the JPA interceptor service, so they
 *       see every write: REST calls, transaction and batch entries, and the server's own DAO
 *       calls. HAPI also offers storage pointcuts to the RestfulServer's interceptors, so
 *       registering them there too would run them twice.
 * </ul>
 *
 * An interceptor mixing both kinds is a wiring mistake and stops start-up. HAPI registers its own
 * interceptors; only CaseBridge's are added here. The {@code baseline} profile (stock HAPI, for
 * benchmarks) registers none.
 */
@Component
@Profile("!baseline")
class InterceptorRegistrar implements SmartInitializingSingleton {

	private static final String OUR_PACKAGE = CaseBridgeApplication.class.getPackageName();

	private final ApplicationContext context;
	private final IInterceptorService jpaInterceptorService;
	private final RestfulServer restfulServer;

	InterceptorRegistrar(ApplicationContext context, IInterceptorService jpaInterceptorService, RestfulServer restfulServer) {
		this.context = context;
		this.jpaInterceptorService = jpaInterceptorService;
		this.restfulServer = restfulServer;
	}

	@Override
	public void afterSingletonsInstantiated() {
		context.getBeansWithAnnotation(Interceptor.class).values().stream()
				.filter(bean -> bean.getClass().getPackageName().startsWith(OUR_PACKAGE))
				.forEach(this::register);
	}

	private void register(Object interceptor) {
		Set<Boolean> serverLevel = Arrays.stream(AopUtils.getTargetClass(interceptor).getDeclaredMethods())
				.filter(method -> method.isAnnotationPresent(Hook.class))
				.map(method -> method.getAnnotation(Hook.class).value().name().startsWith("SERVER_"))
				.collect(Collectors.toSet());
		if (serverLevel.size() > 1) {
			throw new IllegalStateException(interceptor.getClass().getName()
					+ " mixes SERVER_* and storage hooks; split it so each half is registered where it fires");
		}
		if (serverLevel.contains(Boolean.TRUE)) {
			restfulServer.registerInterceptor(interceptor);
		} else {
			jpaInterceptorService.registerInterceptor(interceptor);
		}
	}
}

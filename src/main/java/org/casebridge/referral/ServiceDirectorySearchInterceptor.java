package org.casebridge.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses with 400 the directory searches HAPI would answer wrongly: a capacity status that does
 * not exist (HAPI finds nothing, and the case manager concludes no service has room), and a
 * {@code near} value HAPI fails on with a 500 (see {@link ServiceDirectorySearchValues}).
 */
@Component
@Interceptor
class ServiceDirectorySearchInterceptor {

	private final ServiceDirectorySearchValues values;

	ServiceDirectorySearchInterceptor(ServiceDirectorySearchValues values) {
		this.values = values;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	void check(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation != RestOperationTypeEnum.SEARCH_TYPE) {
			return;
		}
		for (Map.Entry<String, String[]> parameter : request.getParameters().entrySet()) {
			for (String value : parameter.getValue()) {
				if (request.getResourceName().equals("HealthcareService") && isCapacityStatus(parameter.getKey())) {
					values.requireCapacityStatuses(value);
				} else if (isNear(request.getResourceName(), parameter.getKey())) {
					values.requireNear(value);
				}
			}
		}
	}

	/** {@code capacity-status} with its codes, plain or {@code :not}; {@code :missing} takes true or false. */
	private static boolean isCapacityStatus(String parameter) {
		return parameter.equals("capacity-status") || parameter.equals("capacity-status:not");
	}

	/** Location's {@code near}, directly or through a chain such as HealthcareService's {@code location.near}. */
	private static boolean isNear(String resourceName, String parameter) {
		return (resourceName.equals("Location") && parameter.equals("near")) || parameter.endsWith(".near");
	}
}

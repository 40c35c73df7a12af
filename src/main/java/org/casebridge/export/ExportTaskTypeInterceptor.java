package org.casebridge.export;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.provider.ProviderConstants;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Lets a patient- or group-level kick-off name Task in {@code _type} ({@code GET
 * Group/[id]/$export?_type=CarePlan,Goal,Task}). HAPI refuses types outside R4's Patient
 * compartment there before any hook runs, so Task is taken out of the request's {@code _type} here,
 * and {@link ExportTaskInterceptor} puts the requested types back into the job.
 */
@Component
@Profile("!baseline")
@Interceptor
class ExportTaskTypeInterceptor {

	/** Request user data: the {@code _type} list the client sent, Task included. */
	static final String REQUESTED_TYPES = ExportTaskTypeInterceptor.class.getName() + ".requestedTypes";

	private static final String TYPE = "_type";
	private static final Set<String> PATIENT_LEVELS = Set.of("Patient", "Group");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	boolean setTaskAside(RequestDetails request) {
		String[] types = request.getParameters().get(TYPE);
		if (request.getRequestType() == RequestTypeEnum.GET
				&& ProviderConstants.OPERATION_EXPORT.equals(request.getOperation())
				&& request.getResourceName() != null && PATIENT_LEVELS.contains(request.getResourceName())
				&& types != null) {
			List<String> requested = Arrays.stream(types)
					.flatMap(value -> Arrays.stream(value.split(",")))
					.map(String::trim)
					.filter(type -> !type.isEmpty())
					.toList();
			if (requested.contains("Task")) {
				request.getUserData().put(REQUESTED_TYPES, requested);
				Map<String, String[]> parameters = new HashMap<>(request.getParameters());
				List<String> others = requested.stream().filter(type -> !type.equals("Task")).toList();
				if (others.isEmpty()) {
					parameters.remove(TYPE);
				} else {
					parameters.put(TYPE, new String[] {String.join(",", others)});
				}
				request.setParameters(parameters);
			}
		}
		return true;
	}
}

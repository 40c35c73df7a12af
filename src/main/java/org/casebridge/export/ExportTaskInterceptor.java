package org.casebridge.export;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters.ExportStyle;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Patient- and group-level exports include the clients' Tasks, when they name no {@code _type} or
 * name Task in it: referrals, follow-ups and advocacy are Tasks, and an EHR exporting a caseload
 * expects them. R4's Patient compartment (compartmentdefinition-patient.html) lists no Task, so
 * HAPI leaves them out of these exports (and refuses them in {@code _type}, see
 * {@link ExportTaskTypeInterceptor}); its export job finds a client's Tasks through Task's
 * {@code patient} search parameter ({@code Task.for}) once they are asked for. The AuditEvents
 * that name the clients, which R4 does put in the compartment, are left out unless named; so is
 * the whole trail from a system-level export that names no {@code _type}.
 */
@Component
@Profile("!baseline")
@Interceptor
class ExportTaskInterceptor {

	private static final String TYPE = "_type";
	private static final String AUDIT_EVENT = "AuditEvent";

	private final DaoRegistry daos;

	ExportTaskInterceptor(DaoRegistry daos) {
		this.daos = daos;
	}

	@Hook(Pointcut.STORAGE_PRE_INITIATE_BULK_EXPORT)
	void includeTasks(BulkExportJobParameters parameters, RequestDetails request) {
		if (parameters.getExportStyle() == ExportStyle.SYSTEM) {
			if (!namesTypes(request)) {
				// Every type but the audit trail (an export of it names AuditEvent, and needs a scope that does)
				// and Binary (HAPI never exports it).
				parameters.setResourceTypes(daos.getRegisteredDaoTypes().stream()
						.filter(type -> !AUDIT_EVENT.equals(type) && !"Binary".equals(type)).sorted().toList());
			}
			return;
		}
		Object requested = request.getUserData().get(ExportTaskTypeInterceptor.REQUESTED_TYPES);
		if (requested instanceof List<?> types) {
			parameters.setResourceTypes(types.stream().map(String::valueOf).toList());
		} else if (!namesTypes(request)) {
			List<String> types = new ArrayList<>(parameters.getResourceTypes());
			if (!types.contains("Task")) {
				types.add("Task");
			}
			// The audit trail names the clients but is not their record: only an export naming AuditEvent holds it.
			types.remove(AUDIT_EVENT);
			parameters.setResourceTypes(types);
		}
	}

	/** {@code _type} in the query, or in the Parameters of a POST kick-off. */
	private static boolean namesTypes(RequestDetails request) {
		return request.getParameters().containsKey(TYPE)
				|| request.getResource() instanceof Parameters body && body.getParameter(TYPE) != null;
	}
}

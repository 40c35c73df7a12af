package org.casebridge.export;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.batch2.model.StatusEnum;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.provider.ProviderConstants;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Bulk Data Access 2.0 (export.html, "Delete a Bulk Data Request"): once a client has cancelled
 * an export, polling its status URL answers 404 with an OperationOutcome. HAPI would go on
 * answering 202 "in progress" for the cancelled job.
 */
@Component
@Profile("!baseline")
@Interceptor
class CancelledExportInterceptor {

	private final IJobCoordinator jobs;

	CancelledExportInterceptor(IJobCoordinator jobs) {
		this.jobs = jobs;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	boolean cancelledIsGone(RequestDetails request) {
		String[] jobId = request.getParameters().get("_jobId");
		if (request.getRequestType() == RequestTypeEnum.GET
				&& ProviderConstants.OPERATION_EXPORT_POLL_STATUS.equals(request.getOperation())
				&& jobId != null && jobId.length == 1) {
			JobInstance job = jobs.getInstance(jobId[0]);
			if (job.isCancelled() || job.getStatus() == StatusEnum.CANCELLED) {
				throw new ResourceNotFoundException("Bulk export " + jobId[0] + " was cancelled");
			}
		}
		return true;
	}
}

package org.casebridge.export;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.batch2.model.StatusEnum;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.provider.ProviderConstants;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The export status URL as Bulk Data Access 2.0 (export.html) describes it, where HAPI's differs:
 *
 * <ul>
 *   <li>once a client has cancelled an export, polling it answers 404 with an OperationOutcome
 *       ("Delete a Bulk Data Request"); HAPI would go on answering 202 "in progress";
 *   <li>{@code Retry-After} while the export runs says when the next step is due (the job step
 *       interval), not HAPI's fixed 120 seconds, so a client that honours it gets a small export
 *       in seconds.
 * </ul>
 */
@Component
@Profile("!baseline")
@Interceptor
class ExportStatusInterceptor {

	private final IJobCoordinator jobs;
	private final String retryAfter;

	ExportStatusInterceptor(IJobCoordinator jobs, ExportProperties properties) {
		this.jobs = jobs;
		this.retryAfter = String.valueOf(Math.max(1, properties.jobStepInterval().toSeconds()));
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	boolean status(RequestDetails request) {
		String[] jobId = request.getParameters().get("_jobId");
		if (request.getRequestType() == RequestTypeEnum.GET
				&& ProviderConstants.OPERATION_EXPORT_POLL_STATUS.equals(request.getOperation())
				&& jobId != null && jobId.length == 1) {
			JobInstance job = jobs.getInstance(jobId[0]);
			if (job.isCancelled() || job.getStatus() == StatusEnum.CANCELLED) {
				throw new ResourceNotFoundException("Bulk export " + jobId[0] + " was cancelled");
			}
			if (request instanceof ServletRequestDetails servlet) {
				servlet.setServletResponse(new JobPacedRetryAfter(servlet.getServletResponse(), retryAfter));
			}
		}
		return true;
	}

	/** Replaces the {@code Retry-After} HAPI's status operation writes. */
	private static final class JobPacedRetryAfter extends HttpServletResponseWrapper {

		private final String retryAfter;

		JobPacedRetryAfter(HttpServletResponse response, String retryAfter) {
			super(response);
			this.retryAfter = retryAfter;
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, Constants.HEADER_RETRY_AFTER.equalsIgnoreCase(name) ? retryAfter : value);
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, Constants.HEADER_RETRY_AFTER.equalsIgnoreCase(name) ? retryAfter : value);
		}
	}
}

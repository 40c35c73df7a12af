package org.casebridge.referral;

import java.util.Optional;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * How a referral (the ServiceRequest) follows its Task, after the SDOHCC guide's referral
 * workflow: while the Task is requested, accepted, in progress or on hold the referral is active
 * (sending a draft referral makes it active); when the service was delivered (completed) so is the
 * referral; when the performer rejected it, the requester cancelled it or it failed, the referral
 * is revoked, and a new one goes to another provider. A draft or entered-in-error Task leaves the
 * referral as it is.
 */
final class ReferralProgress {

	private ReferralProgress() {}

	static Optional<ServiceRequestStatus> serviceRequestStatus(TaskStatus task) {
		return Optional.ofNullable(switch (task) {
			case REQUESTED, ACCEPTED, INPROGRESS, ONHOLD -> ServiceRequestStatus.ACTIVE;
			case COMPLETED -> ServiceRequestStatus.COMPLETED;
			case REJECTED, CANCELLED, FAILED -> ServiceRequestStatus.REVOKED;
			default -> null;
		});
	}
}

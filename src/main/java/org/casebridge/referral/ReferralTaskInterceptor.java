package org.casebridge.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.casebridge.referral.ReferralTaskTransitions.Party;
import org.casebridge.server.RequestCaller;
import org.casebridge.server.RequestCaller.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the closed referral loop on every write path (create, update, PATCH, conditional writes,
 * transaction and batch entries, the server's own DAO calls): a referral Task obeys
 * {@link ReferralTaskRules} before it is stored (422 otherwise, nothing stored), its focus is a
 * ServiceRequest for the same client, and in the same database transaction the ServiceRequest
 * follows the Task ({@link ReferralProgress}) and the CarePlan activity that proposed the referral
 * records the Task and each change of its status as progress. With access control on, only the
 * party the guide names sets each status (403 otherwise), and each version names who wrote it
 * ({@link ChangedBy}).
 */
@Component
@Interceptor
class ReferralTaskInterceptor {

	private final DaoRegistry daoRegistry;
	private final FhirContext fhirContext;
	private final ObjectProvider<RequestCaller> requestCaller;

	@PersistenceContext
	private EntityManager entityManager;

	ReferralTaskInterceptor(DaoRegistry daoRegistry, FhirContext fhirContext,
			ObjectProvider<RequestCaller> requestCaller) {
		this.daoRegistry = daoRegistry;
		this.fhirContext = fhirContext;
		this.requestCaller = requestCaller;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	void creating(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Task task && ReferralTaskRules.isReferralTask(task)) {
			refuse(ReferralTaskRules.violation(Optional.empty(), task));
			checkParty(request, task, task);
			ChangedBy.stamp(task, caller(request));
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	void updating(IBaseResource previous, IBaseResource updated, RequestDetails request) {
		if (previous instanceof Task before && ReferralTaskRules.isReferralTask(before) && updated instanceof Task after) {
			if (!ReferralTaskRules.isReferralTask(after)) {
				throw new UnprocessableEntityException("A referral Task stays one: its code remains fulfill");
			}
			refuse(ReferralTaskRules.violation(Optional.of(before), after));
			if (before.getStatus() != after.getStatus()) {
				checkParty(request, before, after);
			}
			ChangedBy.stamp(after, caller(request));
		} else if (updated instanceof Task after && ReferralTaskRules.isReferralTask(after)) {
			refuse(ReferralTaskRules.violation(Optional.empty(), after));
			checkParty(request, after, after);
			ChangedBy.stamp(after, caller(request));
		}
	}

	/**
	 * With access control on, the party a request acts for must be the one that sets the new status
	 * (SDOHCC "Set By"): the performer is the organisation the stored Task names as owner; a user
	 * (a case manager) or another organisation who may write the Task acts for the requester. The
	 * server's own writes, and a backend service that acts for no user or organisation (the EHR
	 * itself, sending a referral's history), are no party's.
	 */
	private void checkParty(RequestDetails request, Task stored, Task next) {
		Optional<Caller> known = caller(request);
		if (known.isEmpty() || known.get().isSystemOfRecord()) {
			return;
		}
		String owner = stored.getOwner().getReferenceElement().toUnqualifiedVersionless().getValue();
		Party caller = known.get().organization().filter(owner::equals).isPresent() ? Party.PERFORMER : Party.REQUESTER;
		ReferralTaskRules.partyViolation(caller, next.getStatus()).ifPresent(violation -> {
			throw new ForbiddenOperationException(violation);
		});
	}

	/** Who made the request, from its verified token; empty for the server's own writes and without access control. */
	private Optional<Caller> caller(RequestDetails request) {
		RequestCaller callers = requestCaller.getIfAvailable();
		if (callers == null || request == null || request instanceof SystemRequestDetails) {
			return Optional.empty();
		}
		return callers.of(request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		if (resource instanceof Task task && ReferralTaskRules.isReferralTask(task)) {
			keepInStep(task, true);
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource updated) {
		if (updated instanceof Task task && ReferralTaskRules.isReferralTask(task)) {
			keepInStep(task, ((Task) previous).getStatus() != task.getStatus());
		}
	}

	private void keepInStep(Task task, boolean statusChanged) {
		IIdType focus = task.getFocus().getReferenceElement();
		if (!"ServiceRequest".equals(focus.getResourceType()) || !focus.hasIdPart()) {
			throw new UnprocessableEntityException("A referral Task's focus is the referral: a ServiceRequest, not "
					+ (task.getFocus().hasReference() ? task.getFocus().getReference() : "none"));
		}
		// Resources written earlier in this transaction reach the database only at commit.
		entityManager.flush();
		ServiceRequest referral = daoRegistry.getResourceDao(ServiceRequest.class)
				.read(focus.toUnqualifiedVersionless(), new SystemRequestDetails());
		if (!referral.getSubject().getReference().equals(task.getFor().getReference())) {
			throw new UnprocessableEntityException("A referral Task is for the referral's client: for "
					+ task.getFor().getReference() + " but the ServiceRequest's subject is " + referral.getSubject().getReference());
		}
		follow(referral, task);
		if (statusChanged) {
			recordProgress(referral, task);
		}
	}

	/** The ServiceRequest takes the status its Task implies; a referral sent without a performer gets the Task's owner. */
	private void follow(ServiceRequest referral, Task task) {
		Optional<ServiceRequest.ServiceRequestStatus> status = ReferralProgress.serviceRequestStatus(task.getStatus())
				.filter(implied -> implied != referral.getStatus());
		if (status.isEmpty()) {
			return;
		}
		referral.setStatus(status.get());
		if (!referral.hasPerformer() && task.hasOwner()) {
			referral.addPerformer(task.getOwner().copy());
		}
		daoRegistry.getResourceDao(ServiceRequest.class).update(withoutServerMeta(referral), new SystemRequestDetails());
	}

	/** The plan's activity for this referral names the Task and notes each status it reaches. */
	private void recordProgress(ServiceRequest referral, Task task) {
		String referralId = referral.getIdElement().toUnqualifiedVersionless().getValue();
		String taskId = task.getIdElement().toUnqualifiedVersionless().getValue();
		for (Reference basedOn : referral.getBasedOn()) {
			if (!"CarePlan".equals(basedOn.getReferenceElement().getResourceType())) {
				continue;
			}
			CarePlan plan = daoRegistry.getResourceDao(CarePlan.class)
					.read(basedOn.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			List<CarePlanActivityComponent> proposing = plan.getActivity().stream()
					.filter(activity -> referralId.equals(activity.getReference().getReference()))
					.toList();
			for (CarePlanActivityComponent activity : proposing) {
				if (activity.getOutcomeReference().stream().noneMatch(outcome -> taskId.equals(outcome.getReference()))) {
					activity.addOutcomeReference(new Reference(taskId));
				}
				activity.addProgress().setTime(new Date()).setText("Referral " + task.getStatus().toCode() + " (" + taskId + ")");
			}
			if (!proposing.isEmpty()) {
				daoRegistry.getResourceDao(CarePlan.class).update(withoutServerMeta(plan), new SystemRequestDetails());
			}
		}
	}

	/**
	 * The resource as read, made afresh from its JSON: a resource read in this transaction carries
	 * server-held meta that, emptied by the update, would be validated as an empty meta object.
	 */
	@SuppressWarnings("unchecked")
	private <T extends DomainResource> T withoutServerMeta(T resource) {
		resource.getMeta().setVersionId(null).setLastUpdated(null);
		IParser json = fhirContext.newJsonParser();
		return (T) json.parseResource(resource.getClass(), json.encodeResourceToString(resource));
	}

	private static void refuse(Optional<String> violation) {
		violation.ifPresent(message -> {
			throw new UnprocessableEntityException(message);
		});
	}
}

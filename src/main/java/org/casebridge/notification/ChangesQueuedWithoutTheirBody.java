package org.casebridge.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.partition.IRequestPartitionHelperSvc;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * HAPI's interceptor that queues each committed change for matching, without encoding the
 * resource into the change. HAPI encodes every written resource to JSON for its change and then
 * stores the change without it (matching reads the version again); that encoding was 6% of an
 * ingest's request CPU. Subscriptions keep their body: the registry activates them from it.
 */
class ChangesQueuedWithoutTheirBody extends SubscriptionMatcherInterceptor {

	private final FhirContext fhirContext;
	private final IRequestPartitionHelperSvc partitions;

	ChangesQueuedWithoutTheirBody(FhirContext fhirContext, IRequestPartitionHelperSvc partitions) {
		this.fhirContext = fhirContext;
		this.partitions = partitions;
	}

	@Override
	protected ResourceModifiedMessage createResourceModifiedMessage(IBaseResource resource, OperationTypeEnum operation,
			RequestDetails request) {
		String type = fhirContext.getResourceType(resource);
		if ("Subscription".equals(type)) {
			return super.createResourceModifiedMessage(resource, operation, request);
		}
		IIdType version = resource.getIdElement().toUnqualified().withResourceType(type);
		ResourceModifiedMessage change = new ResourceModifiedMessage(version, operation,
				partitions.determineReadPartitionForRequestForRead(request, version));
		if (request != null) {
			change.setTransactionId(request.getTransactionGuid());
		}
		return change;
	}
}

package org.casebridge.assessment;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Component;

/**
 * Extracts a completed response's scores and needs as it is stored, in the same database
 * transaction: the response and what it derives are committed together or not at all (a derived
 * resource that fails validation fails the write). An amended response replaces what its earlier
 * version derived; one marked entered-in-error loses it, and a deleted one takes it along. Off
 * with {@code casebridge.assessment.extract-on-write=false} ({@code $extract} still works then),
 * except the deletion: derived resources never outlive their response.
 */
@Component
@Interceptor
class ResponseExtractionInterceptor {

	private final ResponseExtraction extraction;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final AssessmentProperties properties;

	@PersistenceContext
	private EntityManager entityManager;

	ResponseExtractionInterceptor(ResponseExtraction extraction, IFhirSystemDao<Bundle, ?> systemDao,
			AssessmentProperties properties) {
		this.extraction = extraction;
		this.systemDao = systemDao;
		this.properties = properties;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		if (properties.extractOnWrite() && resource instanceof QuestionnaireResponse response) {
			store(extraction.afterCreate(response, new SystemRequestDetails()));
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource updated) {
		if (properties.extractOnWrite() && updated instanceof QuestionnaireResponse response) {
			store(extraction.afterUpdate(response, new SystemRequestDetails()));
		}
	}

	/** Whether or not extraction on write is on: derived resources must not outlive their response. */
	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	void deleted(IBaseResource resource) {
		if (resource instanceof QuestionnaireResponse response) {
			store(extraction.beforeDelete(response, new SystemRequestDetails()));
		}
	}

	private void store(Optional<Bundle> transaction) {
		transaction.ifPresent(bundle -> {
			// The response is not written to the database until commit; the derived resources'
			// references to it are checked by query, which must find it.
			entityManager.flush();
			systemDao.transactionNested(new SystemRequestDetails(), bundle);
		});
	}
}

package org.casebridge.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Forgets cached conformance resources when one is written, so that the next validation and the
 * next scoring use a Questionnaire, profile or ValueSet as it is now. The caches are cleared after
 * the commit: cleared before it, a concurrent request could cache the old version again.
 */
@Component
@Interceptor
class ConformanceCacheInterceptor {

	private static final Set<String> CONFORMANCE_TYPES = Set.of("Questionnaire", "StructureDefinition", "ValueSet", "CodeSystem");

	private final ConformanceResources conformanceResources;

	ConformanceCacheInterceptor(ConformanceResources conformanceResources) {
		this.conformanceResources = conformanceResources;
	}

	/** A lookup that found nothing is cached too: a new resource must be seen. */
	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		forgetAfterCommit(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource updated) {
		forgetAfterCommit(updated);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	void deleted(IBaseResource resource) {
		forgetAfterCommit(resource);
	}

	private void forgetAfterCommit(IBaseResource resource) {
		if (CONFORMANCE_TYPES.contains(resource.fhirType()) && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					conformanceResources.forgetCached();
				}
			});
		}
	}
}

package org.casebridge.caseload;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Keeps the caseload projection in step with every write (REST, transaction and batch entries,
 * the server's own DAO writes): just before the write's database transaction commits, the
 * resource's facts replace those of its earlier version, so a goal achieved or a referral
 * accepted changes the next {@code $caseload} answer at once, and a write that rolls back leaves
 * the projection as it was.
 */
@Component
@Profile("!baseline")
@Interceptor
class CaseloadProjectionInterceptor {

	private final CaseloadFactStore store;

	CaseloadProjectionInterceptor(CaseloadFactStore store) {
		this.store = store;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		store.insert(CaseloadFacts.of(resource));
	}

	/** Most writes (an Observation, a Synthea Encounter, a Goal's note) change no fact: then no SQL runs. */
	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource updated) {
		List<CaseloadFact> facts = CaseloadFacts.of(updated);
		if (!facts.equals(CaseloadFacts.of(previous))) {
			store.replace(updated.fhirType(), updated.getIdElement().getIdPart(), facts);
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	void deleted(IBaseResource resource) {
		if (!CaseloadFacts.of(resource).isEmpty()) {
			store.replace(resource.fhirType(), resource.getIdElement().getIdPart(), List.of());
		}
	}
}

package org.casebridge.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;

/**
 * Narrows the searches of a token whose scopes reach only compartments (a patient's, a user's) to
 * those compartments, so that {@code GET Observation} by a patient app returns that patient's
 * Observations instead of failing on the first one it may not see. HAPI adds the compartment's
 * search parameter ({@code Observation?patient=Patient/123}, {@code Patient?_id=123}); the
 * authorization rules still check every resource returned.
 */
class SmartSearchNarrowingInterceptor extends SearchNarrowingInterceptor {

	private final SmartAuthorizationRules rules;

	SmartSearchNarrowingInterceptor(SmartAuthorizationRules rules) {
		this.rules = rules;
		// A conditional create or update must not find (and so reveal) a match outside the compartments.
		setNarrowConditionalUrls(true);
	}

	@Override
	protected AuthorizedList buildAuthorizedList(RequestDetails request) {
		String resourceType = request.getResourceName();
		if (resourceType == null) {
			return null;
		}
		return SmartAuthorizationInterceptor.currentAccess()
				.flatMap(access -> rules.searchNarrowing(access, resourceType))
				.map(owners -> new AuthorizedList().addCompartments(owners.toArray(String[]::new)))
				.orElse(null);
	}
}

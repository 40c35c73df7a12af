package org.casebridge.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Narrows the searches of a token whose scopes reach only compartments (a patient's, a case
 * manager's clients') to those compartments, so that {@code GET Observation} by a patient app
 * returns that patient's Observations instead of failing on the first one it may not see, and a
 * count ({@code _summary=count}, {@code Bundle.total}) counts only what the caller may see. HAPI
 * adds the compartment's search parameter ({@code Observation?patient=Patient/123},
 * {@code Patient?_id=123}); what it cannot say (a Task's client, a performer's referrals) is
 * added here as one more AND clause ({@link SmartAuthorizationRules#searchClauses}). The authorization rules still check every resource returned.
 */
class SmartSearchNarrowingInterceptor extends SearchNarrowingInterceptor {

	private final SmartAuthorizationRules rules;
	private final SmartAccessResolver accesses;

	SmartSearchNarrowingInterceptor(SmartAuthorizationRules rules, SmartAccessResolver accesses) {
		this.rules = rules;
		this.accesses = accesses;
		// A conditional create or update must not find (and so reveal) a match outside the compartments.
		setNarrowConditionalUrls(true);
	}

	@Override
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void hookIncomingRequestPostProcessed(RequestDetails request, HttpServletRequest servletRequest,
			HttpServletResponse servletResponse) {
		String resourceType = request.getResourceName();
		if (resourceType != null && request.getRestOperationType() == RestOperationTypeEnum.SEARCH_TYPE) {
			accesses.of(request).map(access -> rules.searchClauses(access, resourceType))
					.filter(clauses -> !clauses.isEmpty()).ifPresent(clauses -> {
						// One more AND clause per parameter: whatever else the search asks, it must match this too.
						Map<String, String[]> parameters = new HashMap<>(request.getParameters());
						clauses.forEach((name, values) -> parameters.put(name, Stream.concat(
								Arrays.stream(parameters.getOrDefault(name, new String[0])), Stream.of(values)).toArray(String[]::new)));
						request.setParameters(parameters);
					});
		}
		super.hookIncomingRequestPostProcessed(request, servletRequest, servletResponse);
	}

	@Override
	protected AuthorizedList buildAuthorizedList(RequestDetails request) {
		return owners(request).map(owners -> new AuthorizedList().addCompartments(owners.toArray(String[]::new)))
				.orElse(null);
	}

	private Optional<List<String>> owners(RequestDetails request) {
		String resourceType = request.getResourceName();
		if (resourceType == null) {
			return Optional.empty();
		}
		return accesses.of(request).flatMap(access -> rules.searchNarrowing(access, resourceType));
	}
}

package org.casebridge.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import java.util.List;

/**
 * HAPI's FHIR-aware enforcement with the rules the request's token earns (see
 * {@link SmartAuthorizationRules}): it checks every interaction, each entry of a transaction or
 * batch, and every resource a read, search or operation returns. A refusal is 403 with an
 * OperationOutcome and, as RFC 6750 §3.1 asks, {@code WWW-Authenticate: Bearer error="insufficient_scope"}.
 */
class SmartAuthorizationInterceptor extends AuthorizationInterceptor {

	private final SmartAuthorizationRules rules;
	private final SmartAccessResolver accesses;

	SmartAuthorizationInterceptor(SmartAuthorizationRules rules, SmartAccessResolver accesses) {
		super(PolicyEnum.DENY);
		this.rules = rules;
		this.accesses = accesses;
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		return rules.rulesFor(accesses.of(request));
	}

	@Override
	protected void handleDeny(RequestDetails request, Verdict decision) {
		ForbiddenOperationException denied = new ForbiddenOperationException(
				"Access denied: the access token's scopes do not allow this request");
		denied.addResponseHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\","
				+ " error_description=\"The access token's scopes do not allow this request\"");
		throw denied;
	}
}

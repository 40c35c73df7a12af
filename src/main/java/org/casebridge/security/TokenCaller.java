package org.casebridge.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.casebridge.server.RequestCaller;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who made a request, as its verified access token names them. */
class TokenCaller implements RequestCaller {

	private final SmartAccessResolver accesses;

	TokenCaller(SmartAccessResolver accesses) {
		this.accesses = accesses;
	}

	@Override
	public Optional<Caller> of(RequestDetails request) {
		return accesses.of(request).map(SmartAccess::caller);
	}

	@Override
	public Optional<Caller> current() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				? Optional.of(SmartAccess.caller(token.getToken()))
				: Optional.empty();
	}
}

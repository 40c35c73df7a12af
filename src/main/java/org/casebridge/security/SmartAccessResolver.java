package org.casebridge.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The {@link SmartAccess} of the token Spring Security verified for a request, worked out once per
 * request (its look-ups are database queries) and kept with the request: the interceptors that
 * enforce it ask several times.
 */
class SmartAccessResolver {

	private static final String REQUEST_KEY = SmartAccess.class.getName();

	private final UserCompartments userCompartments;
	private final ConsentedDisclosures disclosures;

	SmartAccessResolver(UserCompartments userCompartments, ConsentedDisclosures disclosures) {
		this.userCompartments = userCompartments;
		this.disclosures = disclosures;
	}

	/** Empty for a request without a token ({@code /metadata}). */
	@SuppressWarnings("unchecked")
	Optional<SmartAccess> of(RequestDetails request) {
		return (Optional<SmartAccess>) request.getUserData().computeIfAbsent(REQUEST_KEY, key -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication instanceof JwtAuthenticationToken token
					? Optional.of(SmartAccess.of(token.getToken(), userCompartments, disclosures))
					: Optional.empty();
		});
	}
}

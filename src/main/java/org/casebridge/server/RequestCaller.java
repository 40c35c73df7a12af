package org.casebridge.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;

/**
 * Who made a request, as access control read it from the access token. Features whose rules or
 * records depend on the caller ask it: referral/ (is the caller the performer organisation?),
 * audit/ (who to name in an AuditEvent). When access control is off there is no such bean.
 */
public interface RequestCaller {

	/** The caller of a request with a verified token; empty without one. */
	Optional<Caller> of(RequestDetails request);

	/**
	 * The caller of the request this thread is serving, from its verified token, for a request a
	 * servlet filter refuses before the FHIR server has seen it; empty without a token.
	 */
	Optional<Caller> current();

	/**
	 * @param user the user a user-facing app acts for ({@code fhirUser}, e.g. {@code Practitioner/123})
	 * @param subject the token's subject ({@code sub})
	 * @param client the OAuth2 client the token was issued to ({@code client_id}, or {@code azp})
	 * @param organization the organisation a community organisation's backend service acts for
	 */
	record Caller(Optional<String> user, Optional<String> subject, Optional<String> client, Optional<String> organization) {

		/** Whom the request acts for: the user, or else the community organisation; a reference. */
		public Optional<String> party() {
			return user.or(() -> organization);
		}

		/** A backend service acting for no user and no organisation: the system of record itself (an EHR). */
		public boolean isSystemOfRecord() {
			return user.isEmpty() && organization.isEmpty();
		}
	}
}

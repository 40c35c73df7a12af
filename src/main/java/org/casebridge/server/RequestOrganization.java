package org.casebridge.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;

/**
 * The organisation a request acts for, as access control read it from the access token: a
 * community organisation's backend service ({@code Organization/[id]}). Features whose rules
 * depend on the party (referral/: who may set a referral Task's status) ask it; when access
 * control is off there is no such bean and no party to check.
 */
public interface RequestOrganization {

	/** The organisation the request's token names; empty for any other caller. */
	Optional<String> of(RequestDetails request);
}

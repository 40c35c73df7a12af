package org.casebridge.server;

import java.util.List;
import java.util.Set;

/**
 * Whose clients a case manager has: the care-team membership the caseload projection keeps
 * (caseload/), asked by caseload-scoped access control (security/) once per request.
 */
public interface CareTeamMembership {

	/**
	 * The clients (Patient ids) of the active care teams that name {@code practitioner}
	 * ({@code Practitioner/[id]}) or one of its PractitionerRoles as a participant whose participation
	 * has not ended.
	 */
	Set<String> clientsOf(String practitioner);

	/** The PractitionerRoles of {@code practitioner} ({@code Practitioner/[id]}), as references. */
	List<String> rolesOf(String practitioner);
}

package org.casebridge.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Whose data a {@code user/} scope reaches: compartments (FHIR R4 §3.1.1.8, by compartment name)
 * and their owners. {@link #ownCompartment()} is the user's own compartment only (a case manager's
 * {@code Practitioner/123} sees what names them). Caseload-scoped access (issue 13, item 2) is another
 * implementation: the {@code Patient} compartments of the clients on the user's care teams, read
 * from the care-team membership the caseload projection keeps.
 */
@FunctionalInterface
interface UserCompartments {

	/** The FHIR R4 compartments a {@code fhirUser} can own. */
	Set<String> COMPARTMENT_TYPES = Set.of("Patient", "Practitioner", "RelatedPerson", "Device", "Encounter");

	/** Compartment name to owners, for the user a token names; empty: the user reaches nothing. */
	Map<String, List<IIdType>> of(IIdType fhirUser);

	static UserCompartments ownCompartment() {
		return fhirUser -> COMPARTMENT_TYPES.contains(fhirUser.getResourceType())
				? Map.of(fhirUser.getResourceType(), List.of(fhirUser))
				: Map.of();
	}
}

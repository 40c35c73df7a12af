package org.casebridge.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebridge.server.CareTeamMembership;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;

/**
 * Whose data a {@code user/} scope reaches: compartments (FHIR R4 §3.1.1.8, by compartment name)
 * and their owners, for the user a token's {@code fhirUser} names. {@link #caseload} is
 * caseload-scoped access: a case manager ({@code Practitioner}) reaches the {@code Patient}
 * compartments of the clients on their care teams, nothing else; any other user (a
 * {@code Patient}, a {@code RelatedPerson}) its own compartment ({@link #ownCompartment}).
 */
interface UserCompartments {

	/** The FHIR R4 compartments a {@code fhirUser} can own. */
	Set<String> COMPARTMENT_TYPES = Set.of("Patient", "Practitioner", "RelatedPerson", "Device", "Encounter");

	/** Compartment name to owners, for the user a token names; empty: the user reaches nothing. */
	Map<String, List<IIdType>> of(IIdType fhirUser);

	/** The care-team members the user is: itself, and a Practitioner also each of its PractitionerRoles. */
	default Set<String> identities(IIdType fhirUser) {
		return Set.of(fhirUser.toUnqualifiedVersionless().getValue());
	}

	static UserCompartments ownCompartment() {
		return fhirUser -> COMPARTMENT_TYPES.contains(fhirUser.getResourceType())
				? Map.of(fhirUser.getResourceType(), List.of(fhirUser))
				: Map.of();
	}

	static UserCompartments caseload(CareTeamMembership membership) {
		return new UserCompartments() {

			@Override
			public Map<String, List<IIdType>> of(IIdType fhirUser) {
				if (!fhirUser.getResourceType().equals("Practitioner")) {
					return ownCompartment().of(fhirUser);
				}
				List<IIdType> clients = membership.clientsOf(fhirUser.toUnqualifiedVersionless().getValue()).stream()
						.<IIdType>map(client -> new IdType("Patient", client)).toList();
				return clients.isEmpty() ? Map.of() : Map.of("Patient", clients);
			}

			@Override
			public Set<String> identities(IIdType fhirUser) {
				String user = fhirUser.toUnqualifiedVersionless().getValue();
				if (!fhirUser.getResourceType().equals("Practitioner")) {
					return Set.of(user);
				}
				Set<String> identities = new HashSet<>(membership.rolesOf(user));
				identities.add(user);
				return identities;
			}
		};
	}
}

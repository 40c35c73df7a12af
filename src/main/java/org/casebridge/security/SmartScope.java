package org.casebridge.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One resource scope of SMART App Launch v2 (§ Scopes and Launch Context): who the access is for
 * ({@code patient/}, {@code user/}, {@code system/}), the resource type or {@code *}, and the
 * interactions it grants. Version 1 forms are read as their v2 equivalents ({@code read} = rs,
 * {@code write} = cud, {@code *} = cruds).
 *
 * @param context whose data the scope covers
 * @param resourceType a FHIR resource type, or {@code *} for every type
 * @param permissions the interactions granted
 * @param query a v2 granular scope's search parameters ({@code ?category=...}), or empty
 */
record SmartScope(Context context, String resourceType, Set<Permission> permissions, Optional<String> query) {

	static final String ANY_TYPE = "*";

	/** The launch context a scope is bound to. */
	enum Context {
		/** The patient in the token's {@code patient} claim: that patient's compartment. */
		PATIENT,
		/** What the user in the token's {@code fhirUser} claim may see. */
		USER,
		/** A backend service acting on its own behalf. */
		SYSTEM
	}

	/** SMART v2's letters, in the order the grammar requires them: c, r, u, d, s. */
	enum Permission {
		/** create */
		C,
		/** read and vread */
		R,
		/** update and patch */
		U,
		/** delete */
		D,
		/** search and history */
		S;

		static final Set<Permission> READ = EnumSet.of(R, S);
		static final Set<Permission> WRITE = EnumSet.of(C, U, D);
	}

	SmartScope {
		permissions = Set.copyOf(permissions);
	}

	boolean appliesTo(String type) {
		return resourceType.equals(ANY_TYPE) || resourceType.equals(type);
	}

	boolean grants(Permission permission) {
		return permissions.contains(permission);
	}
}

package org.casebridge.security;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a verified token says about its bearer (SMART App Launch v2, § Scopes and Launch Context):
 * the scopes granted, the patient in context ({@code patient} claim) and the user
 * ({@code fhirUser} claim, e.g. {@code Practitioner/123}).
 */
record SmartAccess(SmartScopes scopes, Optional<IIdType> patient, Optional<IIdType> fhirUser) {

	static SmartAccess of(Jwt token) {
		return new SmartAccess(scopes(token), Optional.ofNullable(token.getClaimAsString("patient"))
				.filter(id -> !id.isBlank()).map(id -> new IdType("Patient", new IdType(id).getIdPart())),
				Optional.ofNullable(token.getClaimAsString("fhirUser")).flatMap(SmartAccess::reference));
	}

	/** {@code scope} as RFC 6749 sends it, or {@code scp} as a list, as some issuers do. */
	private static SmartScopes scopes(Jwt token) {
		Object scope = token.getClaims().get("scope");
		if (scope == null) {
			scope = token.getClaims().get("scp");
		}
		if (scope instanceof List<?> list) {
			return SmartScopes.parse(list.stream().map(String::valueOf).toList());
		}
		return SmartScopes.parse(scope == null ? null : scope.toString());
	}

	/** {@code Practitioner/123} or an absolute URL ending in it; the type and id only. */
	private static Optional<IIdType> reference(String value) {
		IdType id = new IdType(value);
		if (!id.hasResourceType() || !id.hasIdPart()) {
			return Optional.empty();
		}
		return Optional.of(id.toUnqualifiedVersionless());
	}
}

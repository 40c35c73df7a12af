package org.casebridge.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casebridge.security.SmartScope.Context;
import org.casebridge.server.RequestCaller.Caller;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a verified token says about its bearer (SMART App Launch v2, § Scopes and Launch Context):
 * the scopes granted, the patient in context ({@code patient} claim), the user ({@code fhirUser}
 * claim, e.g. {@code Practitioner/123}), whose data that user reaches ({@link UserCompartments},
 * looked up only for a token with {@code user/} scopes) and, for a community organisation's
 * backend service, the organisation it acts for ({@link #ORGANIZATION_CLAIM}): such a token is a
 * referral performer, whose {@code system/} scopes reach only the referrals it performs and the
 * records of the clients who consent to disclosure to it ({@code consents}: client to whether the
 * consent covers 42 CFR Part 2 records, see {@link ConsentedDisclosures}); and, for the audit
 * trail, the token's subject and the OAuth2 client it was issued to.
 */
record SmartAccess(SmartScopes scopes, Optional<IIdType> patient, Optional<IIdType> fhirUser,
		Map<String, List<IIdType>> userCompartments, Optional<IIdType> organization, Map<String, Boolean> consents,
		Optional<String> subject, Optional<String> client) {

	/** CaseBridge's claim for a community organisation's backend service: the Organization it acts for. */
	static final String ORGANIZATION_CLAIM = "organization";

	/**
	 * What {@code token} grants: the user's compartments are looked up only for a token with
	 * {@code user/} scopes, the consents only for a performer.
	 */
	static SmartAccess of(Jwt token, UserCompartments compartments, ConsentedDisclosures disclosures) {
		SmartScopes scopes = scopes(token);
		Optional<IIdType> fhirUser = fhirUser(token);
		boolean userScoped = scopes.resourceScopes().stream().anyMatch(scope -> scope.context() == Context.USER);
		Optional<IIdType> organization = organization(token);
		return new SmartAccess(scopes, Optional.ofNullable(token.getClaimAsString("patient"))
				.filter(id -> !id.isBlank()).map(id -> new IdType("Patient", new IdType(id).getIdPart())),
				fhirUser, userScoped ? fhirUser.map(compartments::of).orElse(Map.of()) : Map.of(),
				organization, organization.map(disclosures::to).orElse(Map.of()),
				Optional.ofNullable(token.getSubject()), client(token));
	}

	/** Who the token names, without looking up what it reaches. */
	static Caller caller(Jwt token) {
		return new Caller(fhirUser(token).map(IIdType::getValue), Optional.ofNullable(token.getSubject()), client(token),
				organization(token).map(IIdType::getValue));
	}

	/** Who the access names, as features other than access control see it. */
	Caller caller() {
		return new Caller(fhirUser.map(IIdType::getValue), subject, client, organization.map(IIdType::getValue));
	}

	private static Optional<IIdType> fhirUser(Jwt token) {
		return Optional.ofNullable(token.getClaimAsString("fhirUser")).flatMap(SmartAccess::reference);
	}

	private static Optional<IIdType> organization(Jwt token) {
		return Optional.ofNullable(token.getClaimAsString(ORGANIZATION_CLAIM))
				.flatMap(SmartAccess::reference).filter(reference -> reference.getResourceType().equals("Organization"));
	}

	private static Optional<String> client(Jwt token) {
		return Optional.ofNullable(token.getClaimAsString("client_id")).or(() -> Optional.ofNullable(token.getClaimAsString("azp")));
	}

	boolean performer() {
		return organization.isPresent();
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

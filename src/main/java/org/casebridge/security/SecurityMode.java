package org.casebridge.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the server checks tokens, decided once at start-up (issue 13, "Modes"):
 *
 * <ul>
 *   <li>an issuer is configured: {@link #SECURED}, whatever the profile;
 *   <li>no issuer, first-run default (H2, no {@code postgres} profile): {@link #OPEN_LOCAL}, bound
 *       to the loopback interface unless {@code server.address} says otherwise;
 *   <li>no issuer, {@code postgres} profile: refused, unless {@code casebridge.security.allow-anonymous=true}
 *       makes it {@link #OPEN}.
 * </ul>
 */
enum SecurityMode {
	SECURED,
	OPEN_LOCAL,
	OPEN;

	static SecurityMode of(boolean issuerConfigured, boolean postgresProfile, boolean allowAnonymous) {
		if (issuerConfigured) {
			return SECURED;
		}
		if (!postgresProfile) {
			return OPEN_LOCAL;
		}
		if (allowAnonymous) {
			return OPEN;
		}
		throw new IllegalStateException("The postgres profile does not start without access control: set"
				+ " casebridge.security.issuer (CASEBRIDGE_SECURITY_ISSUER) and casebridge.security.audience"
				+ " (CASEBRIDGE_SECURITY_AUDIENCE), or casebridge.security.allow-anonymous=true"
				+ " (CASEBRIDGE_SECURITY_ALLOW_ANONYMOUS) to run open on purpose");
	}

	boolean secured() {
		return this == SECURED;
	}

	/** For beans that exist only when tokens are checked: {@code casebridge.security.issuer} is set and not blank. */
	static class IssuerConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String issuer = context.getEnvironment().getProperty("casebridge.security.issuer");
			return issuer != null && !issuer.isBlank();
		}
	}
}

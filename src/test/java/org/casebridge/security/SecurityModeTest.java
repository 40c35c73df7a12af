package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecurityModeTest {

	@Test
	void anIssuerSecuresEveryProfile() {
		assertThat(SecurityMode.of(true, true, false)).isEqualTo(SecurityMode.SECURED);
		assertThat(SecurityMode.of(true, false, true)).isEqualTo(SecurityMode.SECURED);
	}

	@Test
	void theFirstRunDefaultRunsOpenOnLoopback() {
		assertThat(SecurityMode.of(false, false, false)).isEqualTo(SecurityMode.OPEN_LOCAL);
	}

	@Test
	void postgresWithoutAnIssuerRefusesUnlessOpenIsAskedFor() {
		assertThatThrownBy(() -> SecurityMode.of(false, true, false))
				.hasMessageContaining("casebridge.security.issuer")
				.hasMessageContaining("casebridge.security.allow-anonymous=true");
		assertThat(SecurityMode.of(false, true, true)).isEqualTo(SecurityMode.OPEN);
	}
}

package org.casebridge.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.matcher.AuthorizationSearchParamMatcher;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.casebridge.server.CareTeamMembership;
import org.casebridge.server.OperationOutcomeWriter;
import org.casebridge.server.RefusedRequests;
import org.casebridge.server.RequestCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsUtils;

/**
 * Access control, in the mode {@link SecurityMode} decides. Secured, Spring Security's OAuth2
 * resource server checks the Bearer JWT of every {@code /fhir} request (signature against the
 * issuer's JWKS, {@code exp}, {@code nbf}, {@code iss}, {@code aud}) and HAPI's
 * AuthorizationInterceptor enforces its SMART scopes; the CapabilityStatement,
 * {@code .well-known/smart-configuration}, the OpenAPI description and actuator health stay public.
 * Open, nothing is checked and the start-up log says so.
 */
@Configuration
class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	@Bean
	SecurityMode securityMode(SecurityProperties properties, Environment environment) {
		return SecurityMode.of(properties.enabled(), environment.acceptsProfiles(Profiles.of("postgres")),
				properties.allowAnonymous());
	}

	@Bean
	BearerTokenProblems bearerTokenProblems(OperationOutcomeWriter outcomes, ObjectProvider<RefusedRequests> audit) {
		return new BearerTokenProblems(outcomes, audit);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityMode mode, BearerTokenProblems problems,
			ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(AbstractHttpConfigurer::disable)
				.anonymous(AbstractHttpConfigurer::disable);
		if (!mode.secured()) {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
		}
		return http
				.authorizeHttpRequests(requests -> requests
						.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
						// A browser's CORS preflight carries no token; HAPI's CORS interceptor answers it.
						.requestMatchers(CorsUtils::isPreFlightRequest).permitAll()
						.requestMatchers(PATHS.matcher("/fhir/metadata"), PATHS.matcher(SmartConfigurationServlet.PATH),
								PATHS.matcher("/fhir/api-docs"), PATHS.matcher("/fhir/swagger-ui/**")).permitAll()
						.requestMatchers(PATHS.matcher("/fhir"), PATHS.matcher("/fhir/**")).authenticated()
						.anyRequest().permitAll())
				.oauth2ResourceServer(resourceServer -> resourceServer
						.jwt(jwt -> jwt.decoder(jwtDecoder.getObject()))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
				.build();
	}

	/** Open without being asked to: reachable from this machine only, unless {@code server.address} says otherwise. */
	@Bean
	WebServerFactoryCustomizer<ConfigurableWebServerFactory> loopbackWhenOpen(SecurityMode mode, Environment environment) {
		return factory -> {
			if (mode == SecurityMode.OPEN_LOCAL && !environment.containsProperty("server.address")) {
				factory.setAddress(InetAddress.getLoopbackAddress());
			}
		};
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> openModeWarning(SecurityMode mode, Environment environment) {
		return ready -> {
			if (mode.secured()) {
				return;
			}
			String reach = mode == SecurityMode.OPEN_LOCAL && !environment.containsProperty("server.address")
					? "It listens on the loopback interface only (set server.address to change that)."
					: "Anyone who can reach its port can read and change every record.";
			log.warn("""

					**********************************************************************
					  ACCESS CONTROL IS OFF: no casebridge.security.issuer is configured.
					  Every FHIR request is served without a token. {}
					  Configure an OAuth2 issuer (see README, "Access control") before
					  this server holds real client data.
					**********************************************************************""", reach);
		};
	}

	/** What exists only when tokens are checked. */
	@Configuration
	@Conditional(SecurityMode.IssuerConfigured.class)
	static class Secured {

		@Bean
		IssuerMetadata issuerMetadata(SecurityProperties properties, ObjectMapper json) {
			return new IssuerMetadata(properties, json);
		}

		@Bean
		JwtDecoder jwtDecoder(IssuerMetadata issuer, SecurityProperties properties) {
			// Built on first use, so a server starts while its issuer is briefly unreachable.
			return new SupplierJwtDecoder(() -> {
				NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri().toString())
						.jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.values())))
						.build();
				decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
						JwtValidators.createDefaultWithIssuer(properties.issuer().toString()),
						new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
						new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
								audience -> audience != null && audience.contains(properties.audience()))));
				return decoder;
			});
		}

		/** Caseload-scoped where the caseload projection runs; a user's own compartment where it does not. */
		@Bean
		UserCompartments userCompartments(ObjectProvider<CareTeamMembership> membership) {
			return membership.stream().findFirst().map(UserCompartments::caseload).orElseGet(UserCompartments::ownCompartment);
		}

		@Bean
		SmartAuthorizationRules smartAuthorizationRules(UserCompartments userCompartments) {
			return new SmartAuthorizationRules(userCompartments);
		}

		/**
		 * HAPI's interceptors go on the RestfulServer itself: they hook request and storage pointcuts
		 * alike, and the server passes them the storage events of its own requests only.
		 */
		@Bean
		SmartInitializingSingleton smartAuthorizationInterceptors(RestfulServer fhirRestfulServer, SmartAuthorizationRules rules,
				SmartAccessResolver accesses, SearchParamMatcher matcher) {
			return () -> {
				fhirRestfulServer.registerInterceptor(new SmartSearchNarrowingInterceptor(rules, accesses));
				SmartAuthorizationInterceptor authorization = new SmartAuthorizationInterceptor(rules, accesses);
				// A performer's rules are FHIR query filters (Task?owner=...), matched in memory against each resource.
				authorization.setAuthorizationSearchParamMatcher(new AuthorizationSearchParamMatcher(matcher));
				fhirRestfulServer.registerInterceptor(authorization);
			};
		}

		@Bean
		SmartAccessResolver smartAccessResolver(UserCompartments userCompartments, DaoRegistry daos) {
			return new SmartAccessResolver(userCompartments, new ConsentedDisclosures(daos));
		}

		@Bean
		RequestCaller requestCaller(SmartAccessResolver accesses) {
			return new TokenCaller(accesses);
		}

		@Bean
		SmartConfiguration smartConfiguration(IssuerMetadata issuer) {
			return new SmartConfiguration(issuer);
		}

		@Bean
		SmartCapabilityCustomizer smartCapabilityCustomizer(SmartConfiguration configuration) {
			return new SmartCapabilityCustomizer(configuration);
		}

		@Bean
		ServletRegistrationBean<SmartConfigurationServlet> smartConfigurationServlet(SmartConfiguration configuration,
				ObjectMapper json, OperationOutcomeWriter outcomes) {
			return new ServletRegistrationBean<>(new SmartConfigurationServlet(configuration, json, outcomes),
					SmartConfigurationServlet.PATH);
		}
	}
}

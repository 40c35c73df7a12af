package org.casebridge.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebridge.security.SmartScope.Context;
import org.casebridge.security.SmartScope.Permission;

/**
 * The scopes of a token (its space-separated {@code scope} claim, RFC 6749 §3.3) read as SMART App
 * Launch v2 resource scopes, their v1 forms, and CaseBridge's administrator scope. Scopes that
 * grant no resource access ({@code openid}, {@code fhirUser}, {@code launch/patient},
 * {@code offline_access}, …) and anything malformed are ignored: they grant nothing.
 *
 * @param resourceScopes the resource scopes, in the order the token lists them
 * @param administrator whether the token carries {@link #ADMINISTRATOR}
 */
record SmartScopes(List<SmartScope> resourceScopes, boolean administrator) {

	/** Grants HAPI's administrative operations (reindexing, merge, expunge, …), nothing else. */
	static final String ADMINISTRATOR = "system/casebridge.admin";

	private static final Pattern RESOURCE_SCOPE =
			Pattern.compile("(patient|user|system)/(\\*|[A-Z][A-Za-z]{0,63})\\.([a-z*]+)(\\?(.+))?");
	private static final Pattern V2_PERMISSIONS = Pattern.compile("c?r?u?d?s?");

	SmartScopes {
		resourceScopes = List.copyOf(resourceScopes);
	}

	/** Whether a resource scope names {@code type} itself (not by {@code *}). */
	boolean namesType(String type) {
		return resourceScopes.stream().anyMatch(scope -> scope.resourceType().equals(type));
	}

	static SmartScopes parse(String scopeClaim) {
		if (scopeClaim == null) {
			return new SmartScopes(List.of(), false);
		}
		return parse(Arrays.asList(scopeClaim.trim().split("\\s+")));
	}

	static SmartScopes parse(List<String> scopes) {
		List<SmartScope> resourceScopes = new ArrayList<>();
		boolean administrator = false;
		for (String scope : scopes) {
			if (scope.equals(ADMINISTRATOR)) {
				administrator = true;
			} else {
				parseResourceScope(scope).ifPresent(resourceScopes::add);
			}
		}
		return new SmartScopes(resourceScopes, administrator);
	}

	static Optional<SmartScope> parseResourceScope(String scope) {
		Matcher matcher = RESOURCE_SCOPE.matcher(scope);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		Optional<Set<Permission>> permissions = permissions(matcher.group(3));
		if (permissions.isEmpty() || permissions.get().isEmpty()) {
			return Optional.empty();
		}
		Context context = Context.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
		return Optional.of(new SmartScope(context, matcher.group(2), permissions.get(), Optional.ofNullable(matcher.group(5))));
	}

	/** {@code read}, {@code write} and {@code *} of v1, or v2's letters in their required order. */
	private static Optional<Set<Permission>> permissions(String text) {
		switch (text) {
			case "read":
				return Optional.of(Permission.READ);
			case "write":
				return Optional.of(Permission.WRITE);
			case "*":
				return Optional.of(EnumSet.allOf(Permission.class));
			default:
				if (!V2_PERMISSIONS.matcher(text).matches()) {
					return Optional.empty();
				}
				Set<Permission> permissions = EnumSet.noneOf(Permission.class);
				for (char letter : text.toCharArray()) {
					permissions.add(Permission.valueOf(String.valueOf(letter).toUpperCase(Locale.ROOT)));
				}
				return Optional.of(permissions);
		}
	}
}

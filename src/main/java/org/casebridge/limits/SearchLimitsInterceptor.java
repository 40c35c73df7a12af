package org.casebridge.limits;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses, with 400, searches whose cost grows without bound in what the client asks for: many
 * {@code _sort} keys (each one a join and a sort over the whole match; 100 of them kept a core busy
 * for minutes), many {@code _include}/{@code _revinclude} parameters, and long chains (each link a
 * join). The message names the limit. Also refuses control characters in search values: no FHIR
 * value holds one, and PostgreSQL fails on NUL.
 */
@Component
@Interceptor
class SearchLimitsInterceptor {

	private final LimitsProperties limits;

	SearchLimitsInterceptor(LimitsProperties limits) {
		this.limits = limits;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	boolean check(RequestDetails request) {
		Map<String, String[]> parameters = request.getParameters();
		if (parameters == null || parameters.isEmpty()) {
			return true;
		}
		int sortKeys = 0;
		int includes = 0;
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (Arrays.stream(parameter.getValue()).anyMatch(SearchLimitsInterceptor::hasControlCharacter)) {
				throw new InvalidRequestException("The value of search parameter '" + name + "' contains a control character");
			}
			if (name.equals("_sort")) {
				sortKeys += Arrays.stream(parameter.getValue()).mapToInt(value -> value.split(",").length).sum();
			} else if (name.startsWith("_include") || name.startsWith("_revinclude")) {
				includes += parameter.getValue().length;
			} else if (chainLinks(name) > limits.maxChainDepth()) {
				throw new InvalidRequestException("The search parameter chain has more than " + limits.maxChainDepth()
						+ " links (casebridge.limits.max-chain-depth)");
			}
		}
		if (sortKeys > limits.maxSortKeys()) {
			throw new InvalidRequestException("The search has more than " + limits.maxSortKeys()
					+ " _sort keys (casebridge.limits.max-sort-keys)");
		}
		if (includes > limits.maxIncludes()) {
			throw new InvalidRequestException("The search has more than " + limits.maxIncludes()
					+ " _include and _revinclude parameters (casebridge.limits.max-includes)");
		}
		return true;
	}

	private static boolean hasControlCharacter(String value) {
		return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
	}

	/** Forward links ({@code subject.organization}) and reverse ones ({@code _has:Observation:patient:code}). */
	private static int chainLinks(String parameterName) {
		int links = 0;
		for (int i = parameterName.indexOf('.'); i >= 0; i = parameterName.indexOf('.', i + 1)) {
			links++;
		}
		for (int i = parameterName.indexOf("_has:"); i >= 0; i = parameterName.indexOf("_has:", i + 1)) {
			links++;
		}
		return links;
	}
}

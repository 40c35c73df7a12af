package org.casebridge.limits;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Why a request body is refused before the FHIR server reads it, with the HTTP status to answer;
 * each message names the limit's setting.
 */
final class RequestRefusal extends Exception {

	final int status;
	final IssueType code;

	private RequestRefusal(int status, IssueType code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	static RequestRefusal invalid(String message) {
		return new RequestRefusal(400, IssueType.STRUCTURE, message);
	}

	static RequestRefusal bodyTooLarge(long limitBytes) {
		return new RequestRefusal(413, IssueType.TOOCOSTLY, "The request body exceeds the limit of " + limitBytes
				+ " bytes (casebridge.limits.max-request-size)");
	}

	static RequestRefusal resourceTooLarge(long size, long limitBytes) {
		return new RequestRefusal(413, IssueType.TOOCOSTLY, "A resource of " + size + " bytes exceeds the limit of "
				+ limitBytes + " bytes (casebridge.limits.max-resource-size)");
	}

	static RequestRefusal tooManyEntries(int limit) {
		return new RequestRefusal(413, IssueType.TOOCOSTLY, "The Bundle has more than " + limit
				+ " entries (casebridge.limits.max-bundle-entries)");
	}

	static RequestRefusal tooManyItems(String element, int limit) {
		return new RequestRefusal(413, IssueType.TOOCOSTLY, "'" + element + "' repeats more than " + limit
				+ " times (casebridge.limits.max-array-items)");
	}

	static RequestRefusal tooDeep(int limit) {
		return invalid("The body nests deeper than " + limit + " levels (casebridge.limits.max-nesting-depth)");
	}

	static RequestRefusal malformed(String syntax, int line, int column) {
		return invalid(line < 1
				? "The body is not well-formed " + syntax
				: "The body is not well-formed " + syntax + " (line " + line + ", column " + column + ")");
	}

	/** Limit on the items of one array: the Bundle's own entry list has its own. */
	static void checkRepetitions(LimitsProperties limits, String element, int depth, int count) throws RequestRefusal {
		boolean bundleEntries = depth == 1 && "entry".equals(element);
		if (bundleEntries && count > limits.maxBundleEntries()) {
			throw tooManyEntries(limits.maxBundleEntries());
		}
		if (!bundleEntries && count > limits.maxArrayItems()) {
			throw tooManyItems(element, limits.maxArrayItems());
		}
	}

	static void checkDepth(LimitsProperties limits, int depth) throws RequestRefusal {
		if (depth >= limits.maxNestingDepth()) {
			throw tooDeep(limits.maxNestingDepth());
		}
	}

	static void checkResourceSize(LimitsProperties limits, long size) throws RequestRefusal {
		if (size > limits.maxResourceSize().toBytes()) {
			throw resourceTooLarge(size, limits.maxResourceSize().toBytes());
		}
	}
}

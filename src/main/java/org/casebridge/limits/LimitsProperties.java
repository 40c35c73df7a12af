package org.casebridge.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may ask of the server ({@code casebridge.limits.*}), so that no single request
 * can exhaust its memory or hold a core: each exceeded limit is answered 413 or 400 with an
 * OperationOutcome that names it.
 *
 * @param maxRequestSize the largest request body (a transaction Bundle, typically)
 * @param maxResourceSize the largest single resource: a request body sent to a resource endpoint,
 *     or one entry's resource in a Bundle
 * @param maxBundleEntries the most entries in a Bundle
 * @param maxArrayItems the most items in any other JSON array or repeated XML element
 * @param maxNestingDepth the deepest nesting of JSON objects and arrays or XML elements
 * @param maxSortKeys the most {@code _sort} keys of a search
 * @param maxIncludes the most {@code _include} and {@code _revinclude} parameters of a search
 * @param maxChainDepth the most links in a chained search parameter ({@code subject.organization.name} has 2)
 * @param requestTimeout the longest a request's database transaction may run; its statements are
 *     cancelled when it is exceeded
 */
@ConfigurationProperties("casebridge.limits")
public record LimitsProperties(
		@DefaultValue("20MB") DataSize maxRequestSize,
		@DefaultValue("4MB") DataSize maxResourceSize,
		@DefaultValue("5000") int maxBundleEntries,
		@DefaultValue("10000") int maxArrayItems,
		@DefaultValue("100") int maxNestingDepth,
		@DefaultValue("5") int maxSortKeys,
		@DefaultValue("10") int maxIncludes,
		@DefaultValue("3") int maxChainDepth,
		@DefaultValue("120s") Duration requestTimeout) {}

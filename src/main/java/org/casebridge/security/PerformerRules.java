package org.casebridge.security;

import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleFinished;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.casebridge.security.SmartAuthorizationRules.InteractionTester;
import org.casebridge.security.SmartScope.Permission;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;

/**
 * What a referral performer's {@code system/} scopes reach (issue 13, items 3 and 4): the
 * referral Tasks its organisation owns and the ServiceRequests naming it as performer (HAPI FHIR
 * query filter rules), and, for reading only, the records of the clients who consent to
 * disclosure to it ({@link ConsentedDisclosures}), 42 CFR Part 2 records only where the consent
 * covers them. Nothing else of any client.
 */
final class PerformerRules {

	/** The performer's referrals: type to the search parameter that names the organisation. */
	static final Map<String, String> REACH = Map.of("Task", "owner", "ServiceRequest", "performer");

	/** Holds a rule to resources without the 42 CFR Part 2 label (checked on what a request returns). */
	private static final IAuthRuleTester WITHOUT_PART2_LABEL = new IAuthRuleTester() {

		@Override
		public boolean matchesOutput(RuleTestRequest request) {
			return request.resource == null || !Part2Records.isLabelled(request.resource);
		}
	};

	private PerformerRules() {}

	/** The rules of one of a performer's scopes; whether it grants anything. */
	static boolean add(IAuthRuleBuilder rules, SmartScope scope, SmartAccess access) {
		boolean referrals = addReferrals(rules, scope, access.organization().orElseThrow());
		return addConsented(rules, scope, access.consents()) || referrals;
	}

	/**
	 * The AND clauses of a performer's searches: its own referrals for Task and ServiceRequest, and,
	 * while any of its consents does not cover Part 2 records, no Part 2 record at all (rather than
	 * count them).
	 */
	static Map<String, String> searchClauses(SmartAccess access, String resourceType) {
		Map<String, String> clauses = new TreeMap<>();
		if (REACH.containsKey(resourceType)) {
			clauses.put(REACH.get(resourceType), access.organization().orElseThrow().getValue());
		}
		if (access.consents().containsValue(false)) {
			clauses.put(Part2Records.NOT_LABELLED, Part2Records.LABEL_TOKEN);
		}
		return clauses;
	}

	private static boolean addReferrals(IAuthRuleBuilder rules, SmartScope scope, IIdType organization) {
		boolean grants = false;
		for (Map.Entry<String, String> reach : new TreeMap<>(REACH).entrySet()) {
			if (!scope.appliesTo(reach.getKey())) {
				continue;
			}
			grants = true;
			for (Permission permission : scope.permissions()) {
				String name = "performer " + organization.getValue() + ": " + reach.getKey() + "."
						+ permission.name().toLowerCase(Locale.ROOT);
				SmartAuthorizationRules.allowPatch(rules, name, permission);
				SmartAuthorizationRules.operation(rules.allow(name), permission).resourcesOfType(reach.getKey())
						.withFilter(reach.getValue() + "=" + organization.getValue())
						.withTester(new InteractionTester(permission));
			}
		}
		return grants;
	}

	/** Consent widens reading only, never writing. */
	private static boolean addConsented(IAuthRuleBuilder rules, SmartScope scope, Map<String, Boolean> consents) {
		boolean grants = false;
		for (boolean coversPart2 : List.of(true, false)) {
			List<IIdType> clients = consents.entrySet().stream().filter(consent -> consent.getValue() == coversPart2)
					.map(consent -> (IIdType) new IdType("Patient", consent.getKey()))
					.sorted(Comparator.comparing(IIdType::getValue)).toList();
			if (clients.isEmpty()) {
				continue;
			}
			for (Permission permission : scope.permissions()) {
				if (permission != Permission.R && permission != Permission.S) {
					continue;
				}
				grants = true;
				String name = "consented " + (coversPart2 ? "(Part 2 included) " : "") + scope.resourceType() + "."
						+ permission.name().toLowerCase(Locale.ROOT);
				IAuthRuleFinished rule = SmartAuthorizationRules.target(rules.allow(name), scope, permission)
						.inModifiedCompartment("Patient", clients, SmartAuthorizationRules.TASK_FOR_PATIENT)
						.withTester(new InteractionTester(permission));
				if (!coversPart2) {
					rule.withTester(WITHOUT_PART2_LABEL);
				}
			}
		}
		return grants;
	}
}

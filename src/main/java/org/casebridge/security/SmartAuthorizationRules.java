package org.casebridge.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.auth.CompartmentSearchParameterModifications;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casebridge.security.SmartScope.Context;
import org.casebridge.security.SmartScope.Permission;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Patient;

/**
 * Turns a token's SMART scopes into HAPI {@code AuthorizationInterceptor} rules, one rule per scope
 * and interaction, and says which compartments a search must be narrowed to. A {@code system/}
 * scope reaches every resource of its types; a {@code patient/} scope the compartment of the
 * token's {@code patient}; a {@code user/} scope what {@link UserCompartments} gives the token's
 * {@code fhirUser} (a case manager: the clients on their care teams). Every token reads the
 * shared directory ({@link #DIRECTORY_TYPES}). HAPI's rules know read, create, write and delete; the SMART letters map as
 * c = create, r = read and vread (and instance history), u = update and patch, d = delete,
 * s = search (and type and system history); operations, transactions and later pages of results
 * need either r or s for each resource they return.
 *
 * <p>Granular v2 scopes ({@code patient/Observation.rs?category=...}) grant nothing yet: a scope
 * narrowed by a query is never widened to its whole type.
 */
final class SmartAuthorizationRules {

	/**
	 * Operations any caller may run whose results are then checked resource by resource against the
	 * caller's read rules. Every other operation (HAPI's reindexing, merge, replace-references,
	 * expunge, {@code $meta-*}, counts of the whole database, terminology uploads, …) is
	 * administrative and needs {@link SmartScopes#ADMINISTRATOR}: an operation HAPI adds in a later
	 * version is closed until it is listed here. Two have rules of their own, as their answers
	 * hold no resource to check: {@code $validate} of a resource the caller sends (at type level;
	 * an instance's validation would describe a stored resource), and {@code $caseload}.
	 */
	static final Set<String> CLIENT_OPERATIONS = Set.of(
			"$everything", "$expand", "$lookup", "$validate-code", "$subsumes", "$translate",
			"$apply", "$extract", "$lastn", "$document", "$snapshot", "$binary-access-read");

	/**
	 * What every authenticated caller may read and search whatever its scopes: the service and
	 * provider directory a referral is made from, and the package's conformance and knowledge
	 * resources. None of them is about a client.
	 */
	static final Set<String> DIRECTORY_TYPES = Set.of(
			"HealthcareService", "Organization", "Location", "Endpoint", "Practitioner", "PractitionerRole",
			"Questionnaire", "PlanDefinition", "ActivityDefinition", "Library", "StructureDefinition", "ValueSet",
			"CodeSystem", "ConceptMap", "NamingSystem", "SearchParameter", "OperationDefinition", "CompartmentDefinition",
			"ImplementationGuide", "StructureMap", "Medication", "Substance");

	/**
	 * R4's Patient compartment leaves Task out; a referral Task is about its {@code for} (search
	 * parameter {@code patient}), and is in that client's compartment here.
	 */
	static final CompartmentSearchParameterModifications TASK_FOR_PATIENT =
			CompartmentSearchParameterModifications.fromAdditionalCompartmentParamNames("Task", Set.of("patient"));

	private static final String AUDIT_EVENT = "AuditEvent";

	private static final Set<RestOperationTypeEnum> READS =
			EnumSet.of(RestOperationTypeEnum.READ, RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE);
	private static final Set<RestOperationTypeEnum> SEARCHES = EnumSet.of(
			RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.SEARCH_SYSTEM, RestOperationTypeEnum.HISTORY_TYPE,
			RestOperationTypeEnum.HISTORY_SYSTEM, RestOperationTypeEnum.GET_PAGE);

	private final UserCompartments userCompartments;

	SmartAuthorizationRules(UserCompartments userCompartments) {
		this.userCompartments = userCompartments;
	}

	/** The rules for a request; {@code access} is empty for a request without a token ({@code /metadata}). */
	List<IAuthRule> rulesFor(Optional<SmartAccess> access) {
		IAuthRuleBuilder rules = new RuleBuilder();
		rules.allow("CapabilityStatement").metadata();
		if (access.isEmpty()) {
			return rules.denyAll("no access token").build();
		}
		SmartScopes scopes = access.get().scopes();
		if (scopes.administrator()) {
			rules.allow(SmartScopes.ADMINISTRATOR).operation().withAnyName().atAnyLevel().andAllowAllResponses();
		}
		if (!scopes.namesType(AUDIT_EVENT)) {
			// A wildcard scope or a compartment does not reach the audit trail: reading it takes a scope naming AuditEvent.
			rules.deny("audit events need an audit scope").read().resourcesOfType(AUDIT_EVENT).withAnyId();
		} else {
			rules.allow("$verify-chain").operation().named("$verify-chain").onType(AuditEvent.class).andAllowAllResponses();
			// An accounting holds AuditEvents: each is then checked against the token's AuditEvent read rules.
			rules.allow("$disclosures").operation().named("$disclosures").onInstancesOfType(Patient.class)
					.andRequireExplicitResponseAuthorization();
		}
		DIRECTORY_TYPES.stream().sorted().forEach(type ->
				rules.allow("directory: " + type).read().resourcesOfType(type).withAnyId());
		boolean grantsResources = false;
		for (SmartScope scope : scopes.resourceScopes()) {
			if (scope.query().isPresent()) {
				continue;
			}
			if (scope.context() == Context.SYSTEM && access.get().performer()) {
				grantsResources |= PerformerRules.add(rules, scope, access.get());
				continue;
			}
			Optional<Map<String, List<IIdType>>> compartments = compartments(scope.context(), access.get());
			if (compartments.isEmpty()) {
				continue;
			}
			grantsResources = true;
			for (Permission permission : scope.permissions()) {
				add(rules, scope, permission, compartments.get());
			}
		}
		if (grantsResources) {
			if (!access.get().performer()) {
				caseloads(rules, access.get());
				bulkExport(rules, scopes);
			}
			rules.allow("$validate").operation().named("$validate").onAnyType().andAllowAllResponses();
			CLIENT_OPERATIONS.forEach(operation -> rules.allow(operation).operation().named(operation).atAnyLevel()
					.andRequireExplicitResponseAuthorization());
			rules.allow("transaction and batch entries by the rules above").transaction().withAnyOperation()
					.andApplyNormalRules();
		}
		return rules.denyAll("not granted by the token's scopes").build();
	}

	/**
	 * The compartments a search of {@code resourceType} is to be narrowed to, or empty when the
	 * token may search that type whole (a {@code system/} scope, or a directory type) or not at all.
	 */
	Optional<List<String>> searchNarrowing(SmartAccess access, String resourceType) {
		// A performer's searches of its referrals are narrowed by searchClauses (owner, performer) alone.
		if (DIRECTORY_TYPES.contains(resourceType) || access.performer() && PerformerRules.REACH.containsKey(resourceType)) {
			return Optional.empty();
		}
		List<String> owners = new ArrayList<>();
		for (SmartScope scope : access.scopes().resourceScopes()) {
			if (!scope.appliesTo(resourceType) || !scope.grants(Permission.S) || scope.query().isPresent()) {
				continue;
			}
			if (scope.context() == Context.SYSTEM && !access.performer()) {
				return Optional.empty();
			}
			if (scope.context() == Context.SYSTEM) {
				access.consents().keySet().stream().map(client -> "Patient/" + client).sorted()
						.filter(owner -> !owners.contains(owner)).forEach(owners::add);
				continue;
			}
			compartments(scope.context(), access).ifPresent(byName -> byName.values().stream().flatMap(List::stream)
					.map(owner -> owner.toUnqualifiedVersionless().getValue())
					.filter(owner -> !owners.contains(owner))
					.forEach(owners::add));
		}
		return owners.isEmpty() ? Optional.empty() : Optional.of(owners);
	}

	/**
	 * Search parameters a search of {@code resourceType} must also match, one AND clause each, where
	 * HAPI's compartment narrowing cannot say it: a Task's client ({@code patient}, as R4's Patient
	 * compartment leaves Task out) and a performer's referrals ({@link PerformerRules}).
	 */
	Map<String, String> searchClauses(SmartAccess access, String resourceType) {
		if (DIRECTORY_TYPES.contains(resourceType)) {
			return Map.of();
		}
		if (access.performer()) {
			return PerformerRules.searchClauses(access, resourceType);
		}
		if (resourceType.equals("Task")) {
			return searchNarrowing(access, resourceType).map(owners -> Map.of("patient", String.join(",", owners)))
					.orElse(Map.of());
		}
		return Map.of();
	}

	/** Compartment name to owners; an empty map for a system scope; nothing when the token reaches no one. */
	private static Optional<Map<String, List<IIdType>>> compartments(Context context, SmartAccess access) {
		return switch (context) {
			case SYSTEM -> Optional.of(Map.of());
			case PATIENT -> access.patient().map(patient -> Map.of("Patient", List.of(patient)));
			case USER -> Optional.of(access.userCompartments()).filter(byName -> !byName.isEmpty());
		};
	}

	/**
	 * Whose {@code $caseload} a token may see: a case manager their own (of the Practitioner the
	 * token names, or of its roles); a backend service that may read every Patient anyone's.
	 */
	private void caseloads(IAuthRuleBuilder rules, SmartAccess access) {
		boolean readsEveryPatient = access.scopes().resourceScopes().stream().anyMatch(scope ->
				scope.context() == Context.SYSTEM && scope.appliesTo("Patient") && scope.grants(Permission.R)
						&& scope.query().isEmpty());
		if (readsEveryPatient) {
			rules.allow("$caseload").operation().named("$caseload").atAnyLevel().andAllowAllResponses();
			return;
		}
		access.fhirUser().filter(user -> user.getResourceType().equals("Practitioner")).ifPresent(user ->
				rules.allow("$caseload of one's own caseload").operation().named("$caseload").atAnyLevel()
						.andAllowAllResponses().withTester(new OwnCaseloadTester(user, userCompartments)));
	}

	/**
	 * FHIR Bulk Data export is for backend services: a token with {@code system/} read scopes
	 * exports the types it may read (HAPI checks each export's types against the rule).
	 */
	private static void bulkExport(IAuthRuleBuilder rules, SmartScopes scopes) {
		List<String> types = scopes.resourceScopes().stream()
				.filter(scope -> scope.context() == Context.SYSTEM && scope.grants(Permission.R) && scope.query().isEmpty())
				.map(SmartScope::resourceType).distinct().toList();
		if (types.isEmpty()) {
			return;
		}
		if (types.contains(SmartScope.ANY_TYPE) && scopes.namesType(AUDIT_EVENT)) {
			rules.allow("bulk export").bulkExport().any();
		} else if (types.contains(SmartScope.ANY_TYPE)) {
			// A wildcard does not reach the audit trail here either.
			rules.allow("bulk export").bulkExport().any().withResourceTypes(FhirContext.forR4Cached().getResourceTypes().stream()
					.filter(type -> !AUDIT_EVENT.equals(type)).toList());
		} else {
			rules.allow("bulk export").bulkExport().any().withResourceTypes(types);
		}
		List.of("$export", "$export-poll-status").forEach(operation ->
				rules.allow(operation).operation().named(operation).atAnyLevel().andAllowAllResponses());
	}

	private static void add(IAuthRuleBuilder rules, SmartScope scope, Permission permission,
			Map<String, List<IIdType>> compartments) {
		String name = scope.context().name().toLowerCase(Locale.ROOT) + "/" + scope.resourceType() + "."
				+ permission.name().toLowerCase(Locale.ROOT);
		allowPatch(rules, name, permission);
		if (compartments.isEmpty()) {
			target(rules.allow(name), scope, permission).withAnyId().withTester(new InteractionTester(permission));
			return;
		}
		new LinkedHashMap<>(compartments).forEach((compartment, owners) -> target(rules.allow(name), scope, permission)
				.inModifiedCompartment(compartment, owners, TASK_FOR_PATIENT).withTester(new InteractionTester(permission)));
		if (permission == Permission.R) {
			target(rules.allow(name + " (instance history)"), scope, permission).withAnyId()
					.withTester(new InstanceHistoryOnArrival());
		}
	}

	/** A PATCH carries no resource to judge on arrival; HAPI checks the patched resource against the write rules before storing it. */
	static void allowPatch(IAuthRuleBuilder rules, String name, Permission permission) {
		if (permission == Permission.U) {
			rules.allow(name + " (patch)").patch().allRequests();
		}
	}

	static IAuthRuleBuilderRuleOpClassifier target(
			IAuthRuleBuilderRule allow, SmartScope scope, Permission permission) {
		IAuthRuleBuilderRuleOp op = operation(allow, permission);
		return scope.resourceType().equals(SmartScope.ANY_TYPE) ? op.allResources() : op.resourcesOfType(scope.resourceType());
	}

	static IAuthRuleBuilderRuleOp operation(IAuthRuleBuilderRule allow, Permission permission) {
		return switch (permission) {
			case C -> allow.create();
			case R, S -> allow.read();
			case U -> allow.write();
			case D -> allow.delete();
		};
	}

	/**
	 * Matches a {@code $caseload} of the user's own: on the user's Practitioner or one of its
	 * PractitionerRoles, or at the server with {@code practitioner} naming one of them.
	 */
	private record OwnCaseloadTester(IIdType user, UserCompartments userCompartments) implements IAuthRuleTester {

		@Override
		public boolean matches(RuleTestRequest request) {
			return isOwn(request.requestDetails);
		}

		@Override
		public boolean matchesOutput(RuleTestRequest request) {
			return isOwn(request.requestDetails);
		}

		private boolean isOwn(RequestDetails request) {
			String caseManager = request.getId() != null && request.getId().hasIdPart()
					? request.getId().toUnqualifiedVersionless().getValue()
					: Optional.ofNullable(request.getParameters().get("practitioner"))
							.filter(values -> values.length == 1).map(values -> values[0]).orElse(null);
			return caseManager != null && userCompartments.identities(user).contains(caseManager);
		}
	}

	/**
	 * Lets an instance history in, to be judged version by version on the way out by the compartment
	 * rules. HAPI decides it on arrival by the resource's id alone, and a compartment names no id
	 * but its owner's: the history of a client's own CarePlan or Task would be refused.
	 */
	private record InstanceHistoryOnArrival() implements IAuthRuleTester {

		@Override
		public boolean matches(RuleTestRequest request) {
			return request.operation == RestOperationTypeEnum.HISTORY_INSTANCE && request.resource == null;
		}

		@Override
		public boolean matchesOutput(RuleTestRequest request) {
			return false;
		}
	}

	/**
	 * Holds a rule to its SMART letter where HAPI's operation is wider: HAPI's read rule serves
	 * reads and searches alike, its write rule creates as well as updates.
	 */
	record InteractionTester(Permission permission) implements IAuthRuleTester {

		@Override
		public boolean matches(RuleTestRequest request) {
			return grants(request.operation);
		}

		@Override
		public boolean matchesOutput(RuleTestRequest request) {
			return grants(request.operation);
		}

		private boolean grants(RestOperationTypeEnum operation) {
			return switch (permission) {
				case R -> !SEARCHES.contains(operation);
				case S -> !READS.contains(operation);
				case U -> operation != RestOperationTypeEnum.CREATE;
				case C, D -> true;
			};
		}
	}
}

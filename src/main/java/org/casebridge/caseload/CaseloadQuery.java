package org.casebridge.caseload;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casebridge.caseload.CaseloadProperties.ProgramSettings;
import org.casebridge.caseload.CaseloadRules.Thresholds;
import org.casebridge.caseload.ProgramTemplates.Template;
import org.casebridge.server.CareTeamMembership;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A case manager's clients, ranked, from the caseload projection: one query for the
 * Practitioner's roles, one for every fact about the clients of their care teams, then the
 * {@link CaseloadRules} in memory. Nothing else is read. The same care-team membership tells
 * access control whose records a case manager reaches.
 */
@Component
@Profile("!baseline")
class CaseloadQuery implements CareTeamMembership {

	/** Which clients to show: a program, only those needing attention, only those with one of some reasons. */
	record Filters(Optional<String> program, boolean attentionOnly, Set<AttentionReason> reasons) {}

	private final CaseloadFactStore store;
	private final ProgramTemplates templates;
	private final CaseloadProperties properties;

	CaseloadQuery(CaseloadFactStore store, ProgramTemplates templates, CaseloadProperties properties) {
		this.store = store;
		this.templates = templates;
		this.properties = properties;
	}

	/** The clients of {@code caseManager} ({@code Practitioner/[id]} or {@code PractitionerRole/[id]}), ranked. */
	List<ClientAttention> clients(String caseManager, Filters filters) {
		LocalDate today = LocalDate.now(ZoneId.systemDefault());
		return store.caseload(membersAs(caseManager), today).entrySet().stream()
				.map(client -> CaseloadRules.attention(client.getKey(), client.getValue(), this::thresholds, today))
				.filter(client -> filters.program().isEmpty() || filters.program().equals(client.program()))
				.filter(client -> !filters.attentionOnly() || !client.reasons().isEmpty())
				.filter(client -> filters.reasons().isEmpty()
						|| client.reasons().stream().anyMatch(reason -> filters.reasons().contains(reason.code())))
				.sorted(ClientAttention.BY_RANK)
				.toList();
	}

	@Override
	public Set<String> clientsOf(String practitioner) {
		return store.clients(membersAs(practitioner), LocalDate.now(ZoneId.systemDefault()));
	}

	@Override
	public List<String> rolesOf(String practitioner) {
		return store.roles(practitioner);
	}

	/** The care-team members a case manager is: a Practitioner is also each of its PractitionerRoles. */
	private List<String> membersAs(String caseManager) {
		List<String> members = new ArrayList<>(List.of(caseManager));
		if (caseManager.startsWith("Practitioner/")) {
			members.addAll(store.roles(caseManager));
		}
		return members;
	}

	private Thresholds thresholds(Optional<String> program) {
		Optional<Template> template = program.flatMap(templates::of);
		Optional<ProgramSettings> settings = program.map(properties.programs()::get);
		return new Thresholds(
				settings.map(ProgramSettings::referralAcceptance).orElse(properties.referralAcceptance()),
				settings.map(ProgramSettings::referralCompletion).orElse(properties.referralCompletion()),
				settings.map(ProgramSettings::checkInInterval).or(() -> template.flatMap(Template::checkInInterval)),
				template.map(Template::reassessments).orElse(List.of()),
				Set.copyOf(properties.highRiskNeeds()));
	}
}

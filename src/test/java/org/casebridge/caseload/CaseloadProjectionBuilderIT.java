package org.casebridge.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database written before the caseload projection existed gets it at start-up: with the
 * projection emptied of a caseload's facts and not marked complete, the builder brings the
 * caseload back exactly, and marks the projection complete.
 */
class CaseloadProjectionBuilderIT extends FhirServerTestBase {

	@Autowired
	private CaseloadProjectionBuilder builder;

	@Autowired
	private CaseloadFactStore store;

	@Autowired
	private DataSource dataSource;

	@Test
	void theBuilderProjectsWhatWasStoredBeforeTheProjectionExisted() {
		String caseManager = newPractitioner().getReference();
		String client = newClient().getReference();
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(client));
		team.addParticipant().setMember(new Reference(caseManager));
		String teamId = stored(team).getReferenceElement().getIdPart();
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE).setSubject(new Reference(client))
				.setDescription(new CodeableConcept().setText("Find stable housing"));
		goal.addTarget().setDue(new DateType(LocalDate.now().minusDays(3).toString()));
		String goalId = stored(goal).getReferenceElement().getIdPart();
		List<CaseloadFact> before = store.caseload(List.of(caseManager), LocalDate.now()).get(client.substring(8));

		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("DELETE FROM CB_CASELOAD_FACT WHERE CLIENT_ID = ? OR RES_TYPE = 'CaseloadProjection'", client.substring(8));
		assertThat(store.caseload(List.of(caseManager), LocalDate.now())).isEmpty();
		assertThat(store.built()).isFalse();

		builder.run(null);

		assertThat(store.built()).isTrue();
		assertThat(store.caseload(List.of(caseManager), LocalDate.now()).get(client.substring(8)))
				.containsExactlyInAnyOrderElementsOf(before)
				.extracting(CaseloadFact::reference)
				.containsExactlyInAnyOrder(client, "CareTeam/" + teamId, "Goal/" + goalId);
	}
}

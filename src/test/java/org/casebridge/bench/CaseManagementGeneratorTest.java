package org.casebridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated caseloads: one case manager per 50 clients, and dates that differ from client to client. */
class CaseManagementGeneratorTest {

	private static final LocalDate TODAY = LocalDate.of(2027, 3, 15);
	private final CaseManagementGenerator generator = new CaseManagementGenerator(42, TODAY);

	@Test
	void fiftyConsecutiveClientsShareTheirCaseManager() throws Exception {
		Set<String> practitioners = new HashSet<>();
		for (int client = 0; client < 50; client++) {
			JsonNode bundle = FhirHttp.JSON.readTree(generator.clientBundle(client));
			String role = fullUrl(bundle, "PractitionerRole");
			String practitioner = fullUrl(bundle, "Practitioner");
			practitioners.add(bundle.get("entry").get(0).path("request").path("ifNoneExist").asText());

			assertThat(resource(bundle, "CareTeam").path("participant").path(0).path("member").path("reference").asText())
					.isEqualTo(role);
			assertThat(resource(bundle, "EpisodeOfCare").path("careManager").path("reference").asText()).isEqualTo(practitioner);
			assertThat(resource(bundle, "CarePlan").path("author").path("reference").asText()).isEqualTo(role);
			assertThat(bundle.toString()).doesNotContain("|prole-cm-delgado", "|prole-cm-okoro", "|prole-cm-park",
					"|prole-cm-bell", "|pract-cm-delgado", "|pract-cm-okoro", "|pract-cm-park", "|pract-cm-bell");
		}
		assertThat(practitioners).hasSize(1);

		JsonNode nextBlock = FhirHttp.JSON.readTree(generator.clientBundle(50));
		assertThat(nextBlock.get("entry").get(0).path("request").path("ifNoneExist").asText())
				.isNotIn(practitioners);
	}

	@Test
	void aCaseloadMixesOverdueAndCurrentGoalsAndRecentAndOldCheckIns() throws Exception {
		List<Long> overdueGoalsPerClient = new ArrayList<>();
		List<Long> daysSinceCheckIn = new ArrayList<>();
		for (int client = 0; client < 50; client++) {
			JsonNode bundle = FhirHttp.JSON.readTree(generator.clientBundle(client));
			List<JsonNode> goals = resources(bundle, "Goal");
			overdueGoalsPerClient.add(goals.stream()
					.filter(goal -> LocalDate.parse(goal.path("target").path(0).path("dueDate").asText()).isBefore(TODAY))
					.count());
			LocalDate lastCheckIn = resources(bundle, "Encounter").stream()
					.filter(encounter -> encounter.path("status").asText().equals("finished"))
					.map(encounter -> LocalDate.parse(encounter.path("period").path("start").asText().substring(0, 10)))
					.max(LocalDate::compareTo)
					.orElseThrow();
			daysSinceCheckIn.add(lastCheckIn.until(TODAY, ChronoUnit.DAYS));
		}
		assertThat(overdueGoalsPerClient).contains(0L).anyMatch(count -> count >= 3);
		assertThat(daysSinceCheckIn).anyMatch(days -> days < 7).anyMatch(days -> days > 30);
		assertThat(daysSinceCheckIn).allMatch(days -> days >= 0);
	}

	@Test
	void datesKeepTheirPrecision() {
		assertThat(StoryDates.shifted("2026-11-16T14:00:00-05:00", 20)).isEqualTo("2026-12-06T14:00:00-05:00");
		assertThat(StoryDates.shifted("2026-11-16", -20)).isEqualTo("2026-10-27");
		assertThat(StoryDates.shifted("2026-04", 45)).isEqualTo("2026-05");
		assertThat(StoryDates.shifted("RGH-00482913", 45)).isEqualTo("RGH-00482913");
	}

	private static String fullUrl(JsonNode bundle, String type) {
		for (JsonNode entry : bundle.get("entry")) {
			if (entry.path("resource").path("resourceType").asText().equals(type)
					&& entry.path("request").path("ifNoneExist").asText().contains("-block-")) {
				return entry.get("fullUrl").asText();
			}
		}
		throw new AssertionError("no block " + type);
	}

	private static JsonNode resource(JsonNode bundle, String type) {
		return resources(bundle, type).get(0);
	}

	private static List<JsonNode> resources(JsonNode bundle, String type) {
		List<JsonNode> found = new ArrayList<>();
		bundle.get("entry").forEach(entry -> {
			if (entry.path("resource").path("resourceType").asText().equals(type)) {
				found.add(entry.get("resource"));
			}
		});
		return found;
	}
}

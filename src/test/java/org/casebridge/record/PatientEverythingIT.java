package org.casebridge.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.casebridge.SampleStory;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code Patient/[id]/$everything} on the mental-health story's client, paged the way an EHR
 * pages it: following {@code next} links with a small {@code _count}.
 */
class PatientEverythingIT extends FhirServerTestBase {

	/** The case-management types of a client's record; the others are what these resources reference. */
	private static final Set<String> CASE_MANAGEMENT = Set.of("Patient", "CarePlan", "Goal", "CareTeam",
			"EpisodeOfCare", "QuestionnaireResponse", "Observation", "Condition", "ServiceRequest", "Task", "Encounter",
			"Communication", "Consent");
	private static final String STORY = "20-mental-health.json";

	@Test
	void pagesHoldTheWholeRecordOnceInOneOrder() {
		SampleStory story = SampleStory.store(this, STORY);
		List<List<String>> pages = pages(story, "_count=4");
		List<String> paged = pages.stream().flatMap(List::stream).toList();
		List<String> onePage = everything(story, "_count=1000");

		assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(4));
		assertThat(pages.get(pages.size() - 1)).hasSizeBetween(1, 4);
		assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(onePage);
		Map<String, Set<String>> expected = byType(Stream.concat(
				story.stored().entrySet().stream()
						.filter(type -> CASE_MANAGEMENT.contains(type.getKey()))
						.flatMap(type -> type.getValue().stream()),
				// The scores and needs the server derived from the story's responses.
				Stream.of("Observation", "Condition").flatMap(type -> search(type + "?subject=" + story.patient()).stream()))
				.toList());
		assertThat(expected.get("Observation")).hasSize(2);
		assertThat(expected.get("Condition")).hasSize(4);
		assertThat(byType(paged)).containsAllEntriesOf(expected);
		// Besides the record: what it references (the care team's practitioners, the services
		// referred to, their organisations and locations), never another client.
		assertThat(byType(paged).keySet()).containsExactlyInAnyOrder("Patient", "CarePlan", "Goal", "CareTeam",
				"EpisodeOfCare", "QuestionnaireResponse", "Observation", "Condition", "ServiceRequest", "Task", "Encounter",
				"Communication", "Consent", "Practitioner", "PractitionerRole", "Organization", "HealthcareService",
				"Location");
		assertThat(byType(paged).get("Patient")).containsExactly(story.patient());
	}

	@Test
	void typeNarrowsEveryPage() {
		SampleStory story = SampleStory.store(this, STORY);
		List<String> paged = everything(story, "_count=2&_type=Task,Consent&_type=Goal");

		assertThat(paged).doesNotHaveDuplicates();
		assertThat(byType(paged)).isEqualTo(byType(Stream.of("Task", "Consent", "Goal")
				.flatMap(type -> story.ofType(type).stream()).toList()));
	}

	@Test
	void sinceHoldsOnlyWhatChangedAfterIt() {
		SampleStory story = SampleStory.store(this, STORY);
		Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<String> changed = story.ofType("Goal").subList(0, 2);
		changed.forEach(id -> {
			Goal goal = client.read().resource(Goal.class).withId(id).execute();
			goal.addNote().setText("Reviewed at the check-in");
			client.update().resource(goal).execute();
		});

		assertThat(everything(story, "_count=1&_since=" + since)).containsExactlyInAnyOrderElementsOf(changed);
		assertThat(everything(story, "_since=" + since + "&_type=Task")).isEmpty();
		assertThat(everything(story, "_since=" + Instant.now().truncatedTo(ChronoUnit.MILLIS))).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
		"_type=Nope, 400",
		"_since=yesterday, 400",
		"_content=housing, 400"
	})
	void badParametersAreRefused(String parameters, int status) {
		assertRefused("/fhir/" + newClient().getReference() + "/$everything?" + parameters, status);
	}

	@Test
	void anUnknownClientIsNotFound() {
		assertRefused("/fhir/Patient/no-such-client-" + unique + "/$everything", 404);
	}

	private void assertRefused(String path, int status) {
		HttpResponse<String> response = send(request(path).header("Accept", FHIR_JSON).GET().build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isNotBlank();
	}

	/** Every page from the first to the last {@code next} link, as {@code Type/id} in the order served. */
	private List<String> everything(SampleStory story, String parameters) {
		return pages(story, parameters).stream().flatMap(List::stream).toList();
	}

	private List<List<String>> pages(SampleStory story, String parameters) {
		List<List<String>> pages = new ArrayList<>();
		Bundle page = client.search().byUrl(baseUrl() + "/" + story.patient() + "/$everything?" + parameters)
				.returnBundle(Bundle.class).execute();
		while (true) {
			pages.add(page.getEntry().stream().map(BundleEntryComponent::getResource)
					.map(resource -> resource.getIdElement().toUnqualifiedVersionless().getValue())
					.toList());
			if (page.getLink(Bundle.LINK_NEXT) == null) {
				return pages;
			}
			page = client.loadPage().next(page).execute();
		}
	}

	private List<String> search(String url) {
		return client.search().byUrl(url).count(100).returnBundle(Bundle.class).execute().getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.toList();
	}

	private static Map<String, Set<String>> byType(List<String> ids) {
		return ids.stream().collect(Collectors.groupingBy(id -> new IdType(id).getResourceType(), TreeMap::new,
				Collectors.toCollection(TreeSet::new)));
	}
}

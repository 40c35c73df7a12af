package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Case-management load: for each client, one of the four program stories in {@code sample-bundles/}
 * (enrolment, care team, assessments and scores, needs, care plan with goals, referrals with
 * Tasks in every status, check-ins, consent) as a new transaction. The stories are valid against
 * the CaseBridge profiles, and so is every copy: a copy gets fresh {@code urn:uuid}s and business
 * identifiers, the case manager of its block ({@link BlockCaseManager}, 50 clients each) and its
 * own dates. References to the rest of the community directory stay conditional, so the directory
 * bundle is loaded once, first.
 *
 * <p>Dates: each copy happens {@link #lagDays} before the day it is generated, i.e. its latest
 * event ({@link #STORY_DATE} in the stories) moves to that day, everything else with it. The lag
 * is skewed towards recent work (a quarter of the clients within a week, half within a month, the
 * rest up to {@link #MAX_LAG_DAYS}), so a caseload mixes goals overdue and not, referrals stale and
 * fresh, check-ins recent and old. Deterministic for a given seed and day.
 */
final class CaseManagementGenerator {

	static final Path SAMPLES = Path.of("sample-bundles");
	private static final String SAMPLE_SYSTEM = "http://casebridge.org/fhir/sid/sample";
	/** The latest event any story records (a Task update of 2026-11-27). */
	static final LocalDate STORY_DATE = LocalDate.of(2026, 11, 27);
	static final int MAX_LAG_DAYS = 120;

	private final List<JsonNode> stories;
	private final long seed;
	private final LocalDate today;

	CaseManagementGenerator(long seed) {
		this(seed, LocalDate.now(ZoneOffset.UTC));
	}

	CaseManagementGenerator(long seed, LocalDate today) {
		this.seed = seed;
		this.today = today;
		try (Stream<Path> files = Files.list(SAMPLES)) {
			this.stories = files.filter(file -> file.getFileName().toString().matches("[1-9]\\d-.*\\.json"))
					.sorted()
					.map(CaseManagementGenerator::read)
					.toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String directoryBundle() {
		try {
			return Files.readString(SAMPLES.resolve("00-community-directory.json"), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The transaction Bundle for client number {@code client} (0-based). */
	String clientBundle(int client) {
		JsonNode bundle = stories.get(client % stories.size()).deepCopy();
		Map<String, String> newUrns = new HashMap<>();
		String suffix = "-" + seed + "-" + client;
		for (JsonNode entry : bundle.get("entry")) {
			String oldUrn = entry.get("fullUrl").asText();
			newUrns.put(oldUrn, "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "/" + client + "/" + oldUrn).getBytes()));
			// Most resources carry a list of identifiers, a QuestionnaireResponse a single one.
			JsonNode identifiers = entry.path("resource").path("identifier");
			for (JsonNode identifier : identifiers.isArray() ? identifiers : List.of(identifiers)) {
				renameSampleIdentifier(identifier, suffix);
			}
			JsonNode request = entry.get("request");
			if (request.has("ifNoneExist")) {
				((ObjectNode) request).put("ifNoneExist", request.get("ifNoneExist").asText() + suffix);
			}
		}
		replaceUrns(bundle, newUrns);
		long shift = ChronoUnit.DAYS.between(STORY_DATE, today) - lagDays(client);
		bundle.get("entry").forEach(entry -> StoryDates.shift(entry.get("resource"), shift));
		caseManager(client).join(bundle);
		return bundle.toString();
	}

	/** How many days before today client {@code client}'s story ends. */
	int lagDays(int client) {
		double uniform = new SplittableRandom(seed * 1_000_003 + client).nextDouble();
		return (int) (MAX_LAG_DAYS * uniform * uniform);
	}

	BlockCaseManager caseManager(int client) {
		return BlockCaseManager.of(seed, client);
	}

	/** Entries in client {@code client}'s bundle: its story and its case manager's two. */
	int resourcesPerClient(int client) {
		return stories.get(client % stories.size()).get("entry").size() + 2;
	}

	private static void renameSampleIdentifier(JsonNode identifier, String suffix) {
		if (identifier.isObject() && SAMPLE_SYSTEM.equals(identifier.path("system").asText())) {
			((ObjectNode) identifier).put("value", identifier.get("value").asText() + suffix);
		}
	}

	private static void replaceUrns(JsonNode node, Map<String, String> newUrns) {
		if (node.isObject()) {
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			List<String> textFields = new ArrayList<>();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getValue().isTextual() && newUrns.containsKey(field.getValue().asText())) {
					textFields.add(field.getKey());
				} else {
					replaceUrns(field.getValue(), newUrns);
				}
			}
			for (String name : textFields) {
				((ObjectNode) node).set(name, TextNode.valueOf(newUrns.get(node.get(name).asText())));
			}
		} else if (node.isArray()) {
			node.forEach(child -> replaceUrns(child, newUrns));
		}
	}

	private static JsonNode read(Path file) {
		try {
			return FhirHttp.JSON.readTree(file.toFile());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Case-management load: for each client, one of the four program stories in {@code sample-bundles/}
 * (enrolment, care team, assessments and scores, needs, care plan with goals, referrals with
 * Tasks in every status, check-ins, consent) as a new transaction. The stories are valid against
 * the CaseBridge profiles, and so is every copy: a copy only gets fresh {@code urn:uuid}s and
 * business identifiers. References to the community directory stay conditional, so the directory
 * bundle is loaded once, first. Deterministic for a given seed.
 */
final class CaseManagementGenerator {

	static final Path SAMPLES = Path.of("sample-bundles");
	private static final String SAMPLE_SYSTEM = "http://casebridge.org/fhir/sid/sample";

	private final List<JsonNode> stories;
	private final long seed;

	CaseManagementGenerator(long seed) {
		this.seed = seed;
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
		return bundle.toString();
	}

	/** Entries in client {@code client}'s bundle. */
	int resourcesPerClient(int client) {
		return stories.get(client % stories.size()).get("entry").size();
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

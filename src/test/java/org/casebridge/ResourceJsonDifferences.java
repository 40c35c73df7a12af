package org.casebridge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What differs, field for field, between the FHIR JSON a client sent and what it read back.
 * Ignored: what the server assigns ({@code meta.versionId}, {@code meta.lastUpdated}, and {@code id}
 * when the client sent none) and the order of {@code meta.tag}, {@code meta.security} and
 * {@code meta.profile}, which HAPI returns sorted and whose order R4 gives no meaning. Numbers are
 * equal when value and precision are ({@code 1E+3} = {@code 1e3}, but {@code 0.10} ≠ {@code 0.1}).
 */
public final class ResourceJsonDifferences {

	private static final ObjectMapper JSON = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
			.build();
	private static final Set<String> UNORDERED_META = Set.of("/meta/tag", "/meta/security", "/meta/profile");

	private ResourceJsonDifferences() {}

	/** One line per difference, each naming its path; empty when the resource read back as sent. */
	public static List<String> between(String sentJson, String readJson) {
		JsonNode sent = tree(sentJson);
		ObjectNode read = (ObjectNode) tree(readJson).deepCopy();
		if (!sent.has("id")) {
			read.remove("id");
		}
		if (read.get("meta") instanceof ObjectNode meta) {
			meta.remove(List.of("versionId", "lastUpdated"));
			if (meta.isEmpty() && !sent.has("meta")) {
				read.remove("meta");
			}
		}
		List<String> differences = new ArrayList<>();
		compare("", sent, read, differences);
		return differences;
	}

	/** Whether the text is JSON without duplicate names, the only JSON whose round trip is defined. */
	public static boolean isStrictJson(String json) {
		try {
			JSON.readTree(json);
			return true;
		} catch (JsonProcessingException e) {
			return false;
		}
	}

	/** The path of the resource a write answered with, such as {@code /fhir/Patient/1}. */
	public static String pathOf(String resourceJson) {
		JsonNode resource = tree(resourceJson);
		return "/fhir/" + resource.path("resourceType").asText() + "/" + resource.path("id").asText();
	}

	private static JsonNode tree(String json) {
		try {
			return JSON.readTree(json);
		} catch (JsonProcessingException e) {
			throw new IllegalArgumentException("Not JSON: " + json, e);
		}
	}

	private static void compare(String path, JsonNode sent, JsonNode read, List<String> differences) {
		if (read == null) {
			differences.add(path + ": sent " + sent + ", missing on read");
		} else if (sent.isObject() && read.isObject()) {
			Set<String> names = new HashSet<>();
			sent.fieldNames().forEachRemaining(names::add);
			read.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				String child = path + "/" + name;
				if (sent.has(name)) {
					compare(child, unordered(child, sent.get(name)), unordered(child, read.get(name)), differences);
				} else {
					differences.add(child + ": not sent, read " + read.get(name));
				}
			}
		} else if (sent.isArray() && read.isArray() && sent.size() == read.size()) {
			for (int i = 0; i < sent.size(); i++) {
				compare(path + "/" + i, sent.get(i), read.get(i), differences);
			}
		} else if (sent.isNumber() && read.isNumber()) {
			if (!exact(sent).equals(exact(read))) {
				differences.add(path + ": sent " + sent + ", read " + read);
			}
		} else if (!sent.equals(read)) {
			differences.add(path + ": sent " + sent + ", read " + read);
		}
	}

	private static BigDecimal exact(JsonNode number) {
		return number.isIntegralNumber() ? new BigDecimal(number.bigIntegerValue()) : number.decimalValue();
	}

	/** The unordered meta lists, sorted by system and code (profiles by URL): only their content counts. */
	private static JsonNode unordered(String path, JsonNode node) {
		if (node == null || !node.isArray() || !UNORDERED_META.contains(path)) {
			return node;
		}
		List<JsonNode> items = new ArrayList<>();
		node.forEach(items::add);
		items.sort(Comparator.comparing((JsonNode item) -> item.path("system").asText())
				.thenComparing(item -> item.path("code").asText())
				.thenComparing(item -> item.asText()));
		return JSON.createArrayNode().addAll(items);
	}
}

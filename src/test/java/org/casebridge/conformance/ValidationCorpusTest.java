package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Pins what write validation decides over a corpus, so that making validation faster (issue 15)
 * cannot change a result unnoticed: every resource still accepted, every one refused with the same
 * errors. The corpus: the package's examples; each of them with one top-level element removed; every
 * resource of the sample stories; every tenth of the official R4 examples (com.ibm.fhir's copy,
 * StructureDefinitions left out as the write path leaves them, files over 50 kB too, to keep the
 * test to seconds); and a sample of the benchmark's Synthea population, the first few resources of
 * each type it holds. The expected decisions are in {@code src/test/resources/validation-corpus.tsv};
 * after a change that is meant to change them, rewrite it with
 * {@code mvn test -Dtest=ValidationCorpusTest -Dcasebridge.corpus.record=true} and review its diff.
 * The Synthea sample ({@code validation-corpus-synthea.ndjson}) was taken from the population of
 * {@code bench/synthea/generate.sh 12 42 DIR} by adding {@code -Dcasebridge.corpus.synthea=DIR}.
 */
class ValidationCorpusTest {

	private static final Path EXPECTED = Path.of("src/test/resources/validation-corpus.tsv");
	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final int OFFICIAL_SAMPLE = 10;
	private static final long OFFICIAL_MAX_BYTES = 50_000;
	private static final Path SYNTHEA_SAMPLE = Path.of("src/test/resources/validation-corpus-synthea.ndjson");
	private static final int SYNTHEA_PER_TYPE = 3;

	@Test
	void validationDecidesAsRecordedForEveryResourceOfTheCorpus() throws IOException {
		String syntheaPopulation = System.getProperty("casebridge.corpus.synthea");
		if (syntheaPopulation != null) {
			sampleSynthea(Path.of(syntheaPopulation));
		}
		ProfileValidator validator = PackageExamples.validator(false);
		Map<String, String> decided = new LinkedHashMap<>();
		corpus().forEach((name, resource) -> decided.put(name, decision(validator, resource)));
		if (Boolean.getBoolean("casebridge.corpus.record")) {
			Files.write(EXPECTED, decided.entrySet().stream().map(entry -> entry.getKey() + "\t" + entry.getValue()).toList(),
					StandardCharsets.UTF_8);
		}
		Map<String, String> expected = new LinkedHashMap<>();
		for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
			expected.put(line.substring(0, line.indexOf('\t')), line.substring(line.indexOf('\t') + 1));
		}
		assertThat(decided.keySet()).as("the corpus, against %s", EXPECTED).containsExactlyElementsOf(expected.keySet());
		assertThat(decided.entrySet().stream().filter(entry -> !entry.getValue().equals(expected.get(entry.getKey())))
						.map(entry -> entry.getKey() + "\n  expected: " + expected.get(entry.getKey()) + "\n  decided:  " + entry.getValue()))
				.as("decisions that differ from %s", EXPECTED).isEmpty();
		assertThat(decided.values()).as("the corpus has accepted and refused resources").contains("accepted")
				.anyMatch(decision -> !decision.equals("accepted"));
	}

	/** "accepted", or the errors that refuse the resource (sorted, one line), or why it cannot be read. */
	private static String decision(ProfileValidator validator, String resource) {
		IBaseResource parsed;
		try {
			parsed = PackageExamples.parse(FHIR, (ObjectNode) readTree(resource));
		} catch (DataFormatException unreadable) {
			return "unreadable: " + unreadable.getMessage();
		}
		List<String> errors = validator.errors(parsed).stream().map(ValidationCorpusTest::describe).sorted().toList();
		return errors.isEmpty() ? "accepted" : String.join(" | ", errors);
	}

	private static String describe(SingleValidationMessage error) {
		return (error.getLocationString() + ": " + error.getMessage()).replaceAll("\\s+", " ");
	}

	/** Corpus entry name to resource JSON, in a fixed order. */
	static Map<String, String> corpus() throws IOException {
		Map<String, String> corpus = new LinkedHashMap<>();
		for (Resource file : sorted("classpath:fhir-package/example/*.json")) {
			if (file.getFilename().startsWith(".")) {
				continue; // the package's index
			}
			ObjectNode example = (ObjectNode) readTree(read(file));
			corpus.put("example " + file.getFilename(), example.toString());
			example.fieldNames().forEachRemaining(element -> {
				if (!List.of("resourceType", "id", "meta", "text").contains(element)) {
					corpus.put("example " + file.getFilename() + " without " + element,
							example.deepCopy().without(element).toString());
				}
			});
		}
		try (Stream<Path> stories = Files.list(Path.of("sample-bundles"))) {
			for (Path story : stories.sorted().toList()) {
				JsonNode entries = readTree(Files.readString(story)).path("entry");
				for (int i = 0; i < entries.size(); i++) {
					if (entries.get(i).has("resource")) {
						corpus.put("story " + story.getFileName() + " entry " + i, entries.get(i).path("resource").toString());
					}
				}
			}
		}
		List<Resource> official = sorted("classpath*:json/spec/*.json");
		for (int i = 0; i < official.size(); i += OFFICIAL_SAMPLE) {
			Resource file = official.get(i);
			String json = read(file);
			if (file.contentLength() <= OFFICIAL_MAX_BYTES
					&& !readTree(json).path("resourceType").asText().equals("StructureDefinition")) {
				corpus.put("official " + file.getFilename(), json);
			}
		}
		for (String resource : Files.readAllLines(SYNTHEA_SAMPLE, StandardCharsets.UTF_8)) {
			JsonNode parsed = readTree(resource);
			corpus.put("synthea " + parsed.path("resourceType").asText() + "/" + parsed.path("id").asText(), resource);
		}
		return corpus;
	}

	/**
	 * Rewrites the Synthea sample from a generated population: of each resource type, the first
	 * {@value #SYNTHEA_PER_TYPE} of its bundles' entries, files in name order.
	 */
	private static void sampleSynthea(Path population) throws IOException {
		Map<String, List<String>> byType = new TreeMap<>();
		try (Stream<Path> files = Files.list(population)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
				for (JsonNode entry : readTree(Files.readString(file)).path("entry")) {
					List<String> sample = byType.computeIfAbsent(entry.path("resource").path("resourceType").asText(),
							type -> new ArrayList<>());
					if (sample.size() < SYNTHEA_PER_TYPE) {
						sample.add(entry.path("resource").toString());
					}
				}
			}
		}
		Files.write(SYNTHEA_SAMPLE, byType.values().stream().flatMap(List::stream).toList(), StandardCharsets.UTF_8);
	}

	private static List<Resource> sorted(String pattern) throws IOException {
		Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
		Arrays.sort(found, Comparator.comparing(Resource::getFilename));
		return new ArrayList<>(List.of(found));
	}

	private static String read(Resource file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static JsonNode readTree(String json) {
		try {
			return JSON.readTree(json);
		} catch (IOException e) {
			throw new IllegalArgumentException(e);
		}
	}
}

package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The compiled checks against their oracle, the instance validator: whatever they prove free of
 * errors, the validator accepts. Over the validation corpus and, for each package example, every
 * mutation that replaces one string in it (a code, a system, a reference, a text) with another, or
 * points one reference at a resource of another type, at another entry of a transaction or at a
 * search (a conditional reference), or makes one system the one for URIs, or removes one item of
 * a list.
 */
class CompiledChecksTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String TRANSACTION_ENTRY = "urn:uuid:0f4a3c62-8d1e-4b7a-9c55-2e6d1b0a7f13";
	/** Enough mutations of resources with contained ones to cover each kind, few enough to keep the test to seconds. */
	private static final int CONTAINED_MUTATIONS = 600;
	/** Searches in a reference's place: a well-formed one, one of another type, malformed ones. */
	private static final List<String> CONDITIONAL_REFERENCES = List.of("Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999957191",
			"Group?name=a", "Patient?identifier=a b", "Patient?=a", "Patient?identifier", "Nothing?name=a");
	/** An identifier system whose values must be absolute URIs. */
	private static final String URI_SYSTEM = "urn:ietf:rfc:3986";
	private static final ConformanceResources RESOURCES = PackageExamples.conformanceResources();
	private static final CompiledChecks CHECKS = new CompiledChecks(FHIR, RESOURCES);
	private static final ProfileValidator VALIDATOR =
			new ProfileValidator(FHIR, RESOURCES, PackageExamples.PACKAGE, new ConformanceProperties(false));

	@Test
	void whatTheChecksProveValidTheValidatorAcceptsOverTheCorpus() throws IOException {
		Map<String, String> proven = proven(ValidationCorpusTest.corpus());
		assertThat(proven).as("proven valid, yet refused by the instance validator").allSatisfy((name, refusal) ->
				assertThat(refusal).as(name).isEmpty());
		// Every package example of a type the checks cover is proven: they are the write path's common case.
		assertThat(proven.keySet()).filteredOn(name -> name.startsWith("example ") && !name.contains(" without "))
				.hasSize(examples().size() - 1); // the QuestionnaireResponse: checked against its Questionnaire by the validator
	}

	@Test
	void whatTheChecksProveValidTheValidatorAcceptsOverMutationsOfTheExamples() throws IOException {
		Map<String, String> mutations = new LinkedHashMap<>();
		for (Map.Entry<String, ObjectNode> example : examples().entrySet()) {
			mutate(example.getKey(), example.getValue(), example.getValue(), "", mutations);
		}
		Map<String, String> proven = proven(mutations);
		assertThat(proven).as("proven valid, yet refused by the instance validator").allSatisfy((name, refusal) ->
				assertThat(refusal).as(name).isEmpty());
		assertThat(mutations.size()).as("mutations").isGreaterThan(500);
		assertThat(proven.size()).as("mutations proven valid").isGreaterThan(50);
	}

	/**
	 * The same over the Synthea resources of the corpus that contain others (the package's examples
	 * contain none; the official ones that do have narratives), which the checks must prove valid as
	 * they are, each also with its contained resources given a meta, a contained resource of their
	 * own, or one another's id.
	 */
	@Test
	void whatTheChecksProveValidTheValidatorAcceptsOverMutationsOfContainedResources() throws IOException {
		Map<String, String> mutations = new LinkedHashMap<>();
		ValidationCorpusTest.corpus().forEach((name, json) -> {
			ObjectNode resource = (ObjectNode) ValidationCorpusTest.readTree(json);
			if (name.startsWith("synthea ") && resource.path("contained").size() > 1 && mutations.size() < CONTAINED_MUTATIONS) {
				mutations.put(name, json);
				mutate(name, resource, resource, "", mutations);
				ObjectNode first = (ObjectNode) resource.path("contained").get(0);
				ObjectNode second = (ObjectNode) resource.path("contained").get(1);
				mutations.put(name + " contained with a meta", with(resource, first.deepCopy().set("meta",
						JSON.createObjectNode().put("source", "a")), 0));
				mutations.put(name + " contained within contained", with(resource, first.deepCopy().set("contained",
						JSON.createArrayNode().add(second.deepCopy())), 0));
				mutations.put(name + " contained ids repeated", with(resource, second.deepCopy().put("id", first.path("id").asText()), 1));
			}
		});
		Map<String, String> proven = proven(mutations);
		assertThat(proven).as("proven valid, yet refused by the instance validator").allSatisfy((mutation, refusal) ->
				assertThat(refusal).as(mutation).isEmpty());
		assertThat(mutations.keySet()).as("resources with contained ones, as they are, proven valid")
				.filteredOn(mutation -> !mutation.contains(" /") && !mutation.contains(" contained "))
				.isNotEmpty().allSatisfy(resource -> assertThat(proven).containsKey(resource));
	}

	/**
	 * A code of many words, whose type's pattern Java matches once per word, recursing past the
	 * stack: the proof leaves it to the validator, which refuses it, rather than failing the write.
	 */
	@Test
	void aValueTooLongForItsFormatPatternIsLeftToTheValidator() {
		String code = "a ".repeat(50_000).trim();
		IBaseResource observation = FHIR.newJsonParser().parseResource("""
				{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"%s"}]}}"""
				.formatted(code));

		assertThat(CHECKS.provenValid(observation, null)).isFalse();
		assertThat(VALIDATOR.validate(observation).getMessages()).anySatisfy(message ->
				assertThat(message.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR));
	}

	private static String with(ObjectNode resource, ObjectNode contained, int index) {
		ObjectNode copy = resource.deepCopy();
		((ArrayNode) copy.path("contained")).set(index, contained);
		return copy.toString();
	}

	/** Name to the validator's errors (empty: accepted), for each resource the compiled checks prove valid. */
	private static Map<String, String> proven(Map<String, String> resources) {
		Map<String, String> proven = new LinkedHashMap<>();
		resources.forEach((name, json) -> {
			IBaseResource resource;
			try {
				resource = FHIR.newJsonParser().parseResource(json);
			} catch (DataFormatException unreadable) {
				return;
			}
			if (CHECKS.provenValid(resource, null)) {
				proven.put(name, String.join(" | ", VALIDATOR.validate(resource).getMessages().stream()
						.filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
						.map(message -> message.getLocationString() + ": " + message.getMessage()).toList()));
			}
		});
		return proven;
	}

	private static void mutate(String name, ObjectNode example, JsonNode node, String pointer, Map<String, String> mutations) {
		if (node instanceof ObjectNode object) {
			object.fieldNames().forEachRemaining(field -> {
				if (!pointer.isEmpty() || !List.of("resourceType", "id").contains(field)) {
					mutate(name, example, object.get(field), pointer + "/" + field, mutations);
				}
			});
		} else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				mutations.put(name + " without " + pointer + "/" + i, PackageExamples.without(example.deepCopy(), pointer + "/" + i).toString());
				mutate(name, example, array.get(i), pointer + "/" + i, mutations);
			}
		} else if (node instanceof TextNode text) {
			mutations.put(name + " " + pointer + " = zz", replaced(example, pointer, "zz"));
			mutations.put(name + " " + pointer + " + space", replaced(example, pointer, text.asText() + " "));
			if (pointer.endsWith("/reference")) {
				mutations.put(name + " " + pointer + " = Group/1", replaced(example, pointer, "Group/1"));
				mutations.put(name + " " + pointer + " = a transaction entry", replaced(example, pointer, TRANSACTION_ENTRY));
				CONDITIONAL_REFERENCES.forEach(search -> mutations.put(name + " " + pointer + " = " + search, replaced(example, pointer, search)));
			}
			if (pointer.endsWith("/system")) {
				mutations.put(name + " " + pointer + " = " + URI_SYSTEM, replaced(example, pointer, URI_SYSTEM));
			}
		}
	}

	private static String replaced(ObjectNode example, String pointer, String value) {
		ObjectNode copy = example.deepCopy();
		String last = pointer.substring(pointer.lastIndexOf('/') + 1);
		JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
		if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value);
		} else {
			((ObjectNode) parent).put(last, value);
		}
		return copy.toString();
	}

	private static Map<String, ObjectNode> examples() throws IOException {
		Map<String, ObjectNode> examples = new LinkedHashMap<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:fhir-package/example/*.json")) {
			if (!file.getFilename().startsWith(".")) { // the package's index
				try (InputStream in = file.getInputStream()) {
					examples.put("example " + file.getFilename(), (ObjectNode) JSON.readTree(in));
				}
			}
		}
		return examples;
	}
}

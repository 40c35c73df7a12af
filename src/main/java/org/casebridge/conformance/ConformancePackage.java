package org.casebridge.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The CaseBridge FHIR package {@code casebridge.fhir}, compiled from {@code fhir-profiles/} and
 * shipped on the classpath under {@code fhir-package/} in FHIR NPM package layout: conformance
 * resources at the top, examples in {@code example/}. Read once at start-up.
 */
@Component
public class ConformancePackage {

	private static final String LOCATION = "classpath:fhir-package/";
	private static final String MANIFEST = "package.json";

	private final String name;
	private final String version;
	private final List<IBaseResource> resources;
	private final List<IBaseResource> examples;

	public ConformancePackage(FhirContext fhirContext) {
		PathMatchingResourcePatternResolver files = new PathMatchingResourcePatternResolver();
		JsonNode manifest = readManifest(files.getResource(LOCATION + MANIFEST));
		this.name = manifest.path("name").asText();
		this.version = manifest.path("version").asText();
		IParser parser = fhirContext.newJsonParser();
		this.resources = parseAll(parser, files, LOCATION + "*.json");
		this.examples = parseAll(parser, files, LOCATION + "example/*.json");
	}

	public String name() {
		return name;
	}

	public String version() {
		return version;
	}

	/** The conformance resources: profiles, extensions, terminology, Questionnaires, PlanDefinitions. */
	public List<IBaseResource> resources() {
		return resources;
	}

	/** The package's example instances, each valid against the profile it declares. */
	public List<IBaseResource> examples() {
		return examples;
	}

	/** Package files other than resources: the manifest and the .index.json that indexes them. */
	private static boolean isResourceFile(String filename) {
		return !MANIFEST.equals(filename) && !filename.startsWith(".");
	}

	private static JsonNode readManifest(Resource manifest) {
		try (InputStream in = manifest.getInputStream()) {
			return new ObjectMapper().readTree(in);
		} catch (IOException e) {
			throw new UncheckedIOException("The FHIR package manifest " + manifest + " cannot be read", e);
		}
	}

	private static List<IBaseResource> parseAll(IParser parser, PathMatchingResourcePatternResolver files, String pattern) {
		try {
			Resource[] found = files.getResources(pattern);
			Arrays.sort(found, Comparator.comparing(Resource::getFilename));
			List<IBaseResource> parsed = new ArrayList<>(found.length);
			for (Resource file : found) {
				if (!isResourceFile(file.getFilename())) {
					continue;
				}
				try (InputStreamReader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
					parsed.add(parser.parseResource(reader));
				}
			}
			return List.copyOf(parsed);
		} catch (IOException e) {
			throw new UncheckedIOException("The FHIR package files " + pattern + " cannot be read", e);
		}
	}
}

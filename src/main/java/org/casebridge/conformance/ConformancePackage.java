package org.casebridge.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.subscription.SubscriptionConstants;
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
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.MetadataResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The CaseBridge FHIR package {@code casebridge.fhir}, compiled from {@code fhir-profiles/} and
 * shipped on the classpath under {@code fhir-package/} in FHIR NPM package layout: conformance
 * resources at the top, examples in {@code example/}. Read once at start-up.
 *
 * <p>Beside its conformance resources the package holds SubscriptionTopics, which R4 lacks: the
 * Subscriptions R5 Backport IG carries each on a {@code Basic} resource (code
 * {@code SubscriptionTopic}) whose extensions give its canonical URL and triggers.
 */
@Component
public class ConformancePackage {

	private static final String LOCATION = "classpath:fhir-package/";
	private static final String MANIFEST = "package.json";

	private final String name;
	private final String version;
	private final List<IBaseResource> resources;
	private final List<Basic> subscriptionTopics;
	private final List<IBaseResource> examples;

	public ConformancePackage(FhirContext fhirContext) {
		PathMatchingResourcePatternResolver files = new PathMatchingResourcePatternResolver();
		JsonNode manifest = readManifest(files.getResource(LOCATION + MANIFEST));
		this.name = manifest.path("name").asText();
		this.version = manifest.path("version").asText();
		IParser parser = fhirContext.newJsonParser();
		List<IBaseResource> definitions = parseAll(parser, files, LOCATION + "*.json");
		this.resources = definitions.stream().filter(MetadataResource.class::isInstance).toList();
		this.subscriptionTopics = definitions.stream().filter(Basic.class::isInstance).map(Basic.class::cast).toList();
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

	/** The SubscriptionTopics, R4 backport shape. */
	public List<Basic> subscriptionTopics() {
		return subscriptionTopics;
	}

	/** A SubscriptionTopic's canonical URL, from its backport extension. */
	public static String topicUrl(Basic topic) {
		return topic.getExtensionString(SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_URL);
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

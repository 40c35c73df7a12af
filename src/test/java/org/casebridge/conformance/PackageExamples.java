package org.casebridge.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The package's example files, read as a client would send them, and edited to break one rule. */
final class PackageExamples {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The package as the server loads it, for parameterised tests that run before Spring starts. */
	static final ConformancePackage PACKAGE = new ConformancePackage(FhirContext.forR4Cached());

	static final List<String> PROFILE_IDS = List.of(
			"cb-client", "cb-care-team", "cb-episode", "cb-assessment", "cb-score", "cb-need", "cb-careplan",
			"cb-goal", "cb-referral", "cb-referral-task", "cb-checkin", "cb-advocacy", "cb-consent", "cb-service");

	private PackageExamples() {}

	static ObjectNode read(String file) {
		try (InputStream in = PackageExamples.class.getResourceAsStream("/fhir-package/example/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("No package example " + file);
			}
			return (ObjectNode) JSON.readTree(in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Removes the element at a JSON pointer such as {@code /participant/0} or {@code /author}. */
	static ObjectNode without(ObjectNode resource, String pointer) {
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = resource.at(pointer.substring(0, slash));
		String last = pointer.substring(slash + 1);
		if (parent instanceof ArrayNode array) {
			array.remove(Integer.parseInt(last));
		} else {
			((ObjectNode) parent).remove(last);
		}
		return resource;
	}

	/** Sets the string at a JSON pointer, such as {@code /intent} to {@code plan}. */
	static ObjectNode with(ObjectNode resource, String pointer, String value) {
		int slash = pointer.lastIndexOf('/');
		((ObjectNode) resource.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);
		return resource;
	}

	/** A validator over the package, the core R4 definitions and in-memory terminology, as the server has. */
	static ProfileValidator validator(boolean requireProfiles) {
		FhirContext fhir = FhirContext.forR4Cached();
		return new ProfileValidator(fhir, conformanceResources(), PACKAGE, new ConformanceProperties(requireProfiles));
	}

	/** The package, the core R4 definitions and in-memory terminology, as the server holds them. */
	static ConformanceResources conformanceResources() {
		FhirContext fhir = FhirContext.forR4Cached();
		ValidationSupportChain core = new ValidationSupportChain(
				new DefaultProfileValidationSupport(fhir),
				new CommonCodeSystemsTerminologyService(fhir),
				new InMemoryTerminologyServerValidationSupport(fhir),
				new SnapshotGeneratingValidationSupport(fhir));
		return new ConformanceResources(fhir, core, PACKAGE);
	}

	static IBaseResource parse(FhirContext fhirContext, ObjectNode resource) {
		return fhirContext.newJsonParser().parseResource(resource.toString());
	}
}

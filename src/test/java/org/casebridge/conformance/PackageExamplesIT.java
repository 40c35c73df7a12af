package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every example in the CaseBridge package is valid, and the examples can be stored together. */
class PackageExamplesIT extends FhirServerTestBase {

	@Autowired
	ProfileValidator validator;

	@Autowired
	ConformancePackage conformancePackage;

	static Stream<IBaseResource> examples() {
		return PackageExamples.PACKAGE.examples().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void exampleIsValid(IBaseResource example) {
		List<SingleValidationMessage> errors = validator.errors(example);

		assertThat(errors).extracting(message -> message.getLocationString() + ": " + message.getMessage()).isEmpty();
	}

	@Test
	void everyProfileHasAnExample() {
		assertThat(conformancePackage.examples())
				.flatExtracting(example -> example.getMeta().getProfile())
				.extracting(profile -> profile.getValueAsString().replaceAll(".*/", ""))
				.containsAll(PackageExamples.PROFILE_IDS);
	}

	@Test
	void examplesAreStoredTogetherInOneTransaction() {
		Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
		for (IBaseResource example : conformancePackage.examples()) {
			Resource copy = ((Resource) example).copy();
			transaction.addEntry().setResource(copy).getRequest()
					.setMethod(HTTPVerb.PUT)
					.setUrl(copy.fhirType() + "/" + copy.getIdElement().getIdPart());
		}

		Bundle response = client.transaction().withBundle(transaction).execute();

		assertThat(response.getEntry()).extracting(entry -> entry.getResponse().getStatus())
				.allMatch(status -> status.startsWith("200") || status.startsWith("201"));
	}
}

package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The CaseBridge package is stored on the server at start-up and announced in the CapabilityStatement. */
class ConformancePackageIT extends FhirServerTestBase {

	static final List<String> PROFILE_IDS = PackageExamples.PROFILE_IDS;

	@Autowired
	ConformancePackage conformancePackage;

	@Autowired
	ConformancePackageInstaller installer;

	@ParameterizedTest
	@FieldSource("PROFILE_IDS")
	void profileIsServedByItsCanonicalUrl(String id) {
		Bundle found = client.search().forResource(StructureDefinition.class)
				.where(StructureDefinition.URL.matches().value("http://casebridge.org/fhir/StructureDefinition/" + id))
				.returnBundle(Bundle.class).execute();

		assertThat(found.getEntry()).hasSize(1);
		StructureDefinition profile = (StructureDefinition) found.getEntryFirstRep().getResource();
		assertThat(profile.getVersion()).isEqualTo(conformancePackage.version());
		assertThat(profile.hasSnapshot()).isTrue();
	}

	@Test
	void terminologyInstrumentsAndTemplatesAreSearchable() {
		for (Class<? extends MetadataResource> type :
				List.of(CodeSystem.class, ValueSet.class, Questionnaire.class, PlanDefinition.class, OperationDefinition.class)) {
			List<String> packaged = conformancePackage.resources().stream()
					.filter(type::isInstance)
					.map(resource -> ((MetadataResource) resource).getUrl())
					.toList();
			for (String url : packaged) {
				Bundle found = client.search().forResource(type)
						.where(StructureDefinition.URL.matches().value(url))
						.returnBundle(Bundle.class).execute();
				assertThat(found.getEntry()).as(url).hasSize(1);
			}
		}
		assertThat(conformancePackage.resources()).filteredOn(Questionnaire.class::isInstance).hasSize(8);
		// Each operation of ours is in the package, and each OperationDefinition of the package is an operation the server runs.
		List<String> defined = conformancePackage.resources().stream().filter(OperationDefinition.class::isInstance)
				.map(resource -> ((OperationDefinition) resource).getUrl()).sorted().toList();
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
		List<String> listed = capabilities.getRest().stream().flatMap(rest -> Stream.concat(rest.getOperation().stream(),
						rest.getResource().stream().flatMap(resource -> resource.getOperation().stream())))
				.map(operation -> operation.getDefinition()).filter(url -> url.startsWith("http://casebridge.org/fhir/"))
				.distinct().sorted().toList();
		assertThat(listed).isEqualTo(defined);
	}

	@Test
	void capabilityStatementListsEveryProfileAsSupported() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(capabilities.getRestFirstRep().getResource())
				.flatExtracting(CapabilityStatementRestResourceComponent::getSupportedProfile)
				.extracting(profile -> profile.getValue())
				.containsAll(PROFILE_IDS.stream().map(id -> "http://casebridge.org/fhir/StructureDefinition/" + id).toList());
	}

	@Test
	void reloadingTheSamePackageChangesNothing() {
		String versionBefore = storedVersionOf("cb-referral-task");

		assertThat(installer.install()).as("resources written").isZero();

		assertThat(storedVersionOf("cb-referral-task")).isEqualTo(versionBefore);
	}

	@Test
	void aStoredCopyThatDiffersFromThePackageIsUpdatedToIt() {
		StructureDefinition stored = stored("cb-goal");
		stored.setVersion("0.0.1");
		client.update().resource(stored).execute();

		assertThat(installer.install()).as("resources written").isEqualTo(1);

		StructureDefinition reloaded = stored("cb-goal");
		assertThat(reloaded.getVersion()).isEqualTo(conformancePackage.version());
		assertThat(Integer.parseInt(reloaded.getMeta().getVersionId()))
				.isGreaterThan(Integer.parseInt(stored.getMeta().getVersionId()));
	}

	private String storedVersionOf(String profileId) {
		return stored(profileId).getMeta().getVersionId();
	}

	private StructureDefinition stored(String profileId) {
		Bundle found = client.search().forResource(StructureDefinition.class)
				.where(StructureDefinition.URL.matches().value("http://casebridge.org/fhir/StructureDefinition/" + profileId))
				.returnBundle(Bundle.class).execute();
		return (StructureDefinition) found.getEntryFirstRep().getResource();
	}
}

package org.casebridge.careplan;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * A client's plan as {@code $apply} built it, in the two forms a client can ask for. While built,
 * the resources refer to each other by {@code urn:uuid}s.
 *
 * <ul>
 *   <li>{@link #asContained}: the CarePlan with its new resources contained, as Clinical Reasoning's
 *       R4 {@code $apply} returns it;
 *   <li>{@link #asTransaction}: the transaction Bundle that stores the plan. Each resource is a
 *       conditional create on its application identifier, so posting the Bundle again stores
 *       nothing twice; a replaced plan is set to {@code revoked} in the same transaction.
 * </ul>
 */
final class AppliedPlan {

	private record Part(Resource resource, String localId, Identifier identifier) {}

	private final Part carePlan;
	private final List<Part> parts;
	private final Optional<CarePlan> replaced;

	private AppliedPlan(Part carePlan, List<Part> parts, Optional<CarePlan> replaced) {
		this.carePlan = carePlan;
		this.parts = parts;
		this.replaced = replaced;
	}

	CarePlan asContained(FhirContext fhirContext) {
		Map<String, String> local = new HashMap<>();
		local.put(carePlan.resource().getId(), "#");
		parts.forEach(part -> local.put(part.resource().getId(), "#" + part.localId()));
		CarePlan container = (CarePlan) withLocalReferences(carePlan.resource(), local, fhirContext);
		container.setId((String) null);
		for (Part part : parts) {
			Resource contained = withLocalReferences(part.resource(), local, fhirContext);
			contained.setId(part.localId());
			container.addContained(contained);
		}
		return container;
	}

	Bundle asTransaction() {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		parts.forEach(part -> conditionalCreate(transaction, part));
		conditionalCreate(transaction, carePlan);
		replaced.ifPresent(old -> transaction.addEntry()
				.setResource(statusPatch("revoked"))
				.getRequest()
				.setMethod(HTTPVerb.PATCH)
				.setUrl(old.getIdElement().toUnqualifiedVersionless().getValue()));
		return transaction;
	}

	private static void conditionalCreate(Bundle transaction, Part part) {
		Resource resource = part.resource().copy();
		BundleEntryComponent entry = transaction.addEntry().setFullUrl(resource.getId()).setResource(resource);
		entry.getRequest()
				.setMethod(HTTPVerb.POST)
				.setUrl(resource.fhirType())
				.setIfNoneExist("identifier=" + part.identifier().getSystem() + "|" + part.identifier().getValue());
	}

	/** FHIRPath Patch (FHIR R4 §3.1.0.7) that sets a CarePlan's status. */
	private static Parameters statusPatch(String status) {
		Parameters patch = new Parameters();
		Parameters.ParametersParameterComponent operation = patch.addParameter().setName("operation");
		operation.addPart().setName("type").setValue(new CodeType("replace"));
		operation.addPart().setName("path").setValue(new StringType("CarePlan.status"));
		operation.addPart().setName("value").setValue(new CodeType(status));
		return patch;
	}

	private static Resource withLocalReferences(Resource resource, Map<String, String> local, FhirContext fhirContext) {
		Resource copy = resource.copy();
		for (Reference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(copy, Reference.class)) {
			String target = local.get(reference.getReference());
			if (target != null) {
				reference.setReference(target);
			}
		}
		return copy;
	}

	/** Collects the parts; the CarePlan comes first, since the others are based on it. */
	static final class Builder {

		private Part carePlan;
		private final List<Part> parts = new ArrayList<>();
		private Optional<CarePlan> replaced = Optional.empty();

		void carePlan(CarePlan resource, Identifier identifier) {
			carePlan = part(resource, "", identifier);
		}

		CarePlan carePlan() {
			return (CarePlan) carePlan.resource();
		}

		Reference carePlanReference() {
			return new Reference(carePlan.resource().getId());
		}

		/** Adds a resource to the plan; the reference that other parts use for it. */
		Reference add(Resource resource, String localId, Identifier identifier) {
			Part part = part(resource, localId, identifier);
			parts.add(part);
			return new Reference(part.resource().getId());
		}

		Builder replacing(Optional<CarePlan> plan) {
			replaced = plan;
			return this;
		}

		AppliedPlan build() {
			return new AppliedPlan(carePlan, List.copyOf(parts), replaced);
		}

		private static Part part(Resource resource, String localId, Identifier identifier) {
			resource.setId(IdType.newRandomUuid());
			resource.setProperty("identifier", identifier);
			return new Part(resource, localId, identifier);
		}
	}
}

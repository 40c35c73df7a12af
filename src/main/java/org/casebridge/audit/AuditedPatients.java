package org.casebridge.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.interceptor.auth.CompartmentSearchParameterModifications;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/**
 * Whose data a request touched, for the events CaseBridge writes itself: the owners of each
 * resource's Patient compartment (a referral Task's too, by its {@code subject}: R4 leaves Task
 * out of the compartment), the Patients
 * an operation's result names, and, for a request that failed before any data was shown, the
 * client it addressed: by id ({@code Patient/1}, {@code Patient/1/$everything}), by the resource
 * it named ({@code Observation/5}, read here by the server), by a {@code patient} or
 * {@code subject} search parameter, or by the resource it sent.
 */
class AuditedPatients {

	private static final String PATIENT = "Patient";
	private static final List<String> PATIENT_PARAMETERS = List.of("patient", "subject");
	/** Task's {@code subject} ({@code Task.for}): HAPI cannot follow {@code patient}'s {@code resolve() is Patient}. */
	static final Set<String> COMPARTMENT_ADDITIONS = Set.of("subject");

	private final FhirContext fhirContext;
	private final DaoRegistry daos;
	private final FhirTerser terser;

	AuditedPatients(FhirContext fhirContext, DaoRegistry daos) {
		this.fhirContext = fhirContext;
		this.daos = daos;
		this.terser = fhirContext.newTerser();
	}

	/** The patients whose data these resources are, looking into Bundles and Parameters an operation returns. */
	Set<String> of(Collection<? extends IBaseResource> resources) {
		Set<String> patients = new TreeSet<>();
		resources.forEach(resource -> add(resource, patients));
		return patients;
	}

	/** The patients a request addressed; it failed, so nothing it would have shown is known. */
	Set<String> addressedBy(RequestDetails request) {
		Set<String> patients = new TreeSet<>();
		IIdType id = request.getId();
		if (id != null && id.hasIdPart() && request.getResourceName() != null) {
			IIdType target = id.withResourceType(request.getResourceName()).toUnqualifiedVersionless();
			if (PATIENT.equals(target.getResourceType())) {
				patients.add(target.getValue());
			} else {
				storedOwners(target).forEach(patients::add);
			}
		}
		request.getParameters().entrySet().stream()
				.filter(parameter -> PATIENT_PARAMETERS.contains(parameter.getKey()))
				.flatMap(parameter -> Arrays.stream(parameter.getValue()))
				.flatMap(values -> Arrays.stream(values.split(",")))
				.map(value -> value.startsWith(PATIENT + "/") ? value : PATIENT + "/" + value)
				.map(value -> new IdType(value).toUnqualifiedVersionless())
				.filter(patient -> PATIENT.equals(patient.getResourceType()) && patient.hasIdPart())
				.forEach(patient -> patients.add(patient.getValue()));
		if (request.getResource() != null) {
			add(request.getResource(), patients);
		}
		return patients;
	}

	private void add(IBaseResource resource, Set<String> patients) {
		if (resource instanceof Bundle bundle) {
			bundle.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
					.forEach(entry -> add(entry.getResource(), patients));
		} else if (resource instanceof Parameters parameters) {
			terser.getAllPopulatedChildElementsOfType(parameters, Reference.class).stream()
					.map(reference -> reference.getReferenceElement().toUnqualifiedVersionless())
					.filter(reference -> PATIENT.equals(reference.getResourceType()))
					.forEach(reference -> patients.add(reference.getValue()));
			parameters.getParameter().stream().filter(Parameters.ParametersParameterComponent::hasResource)
					.forEach(parameter -> add(parameter.getResource(), patients));
		} else {
			owners(resource).forEach(patients::add);
		}
	}

	private Stream<String> owners(IBaseResource resource) {
		String type = fhirContext.getResourceType(resource);
		if (PATIENT.equals(type)) {
			return resource.getIdElement().hasIdPart()
					? Stream.of(resource.getIdElement().toUnqualifiedVersionless().getValue()) : Stream.empty();
		}
		return terser.getCompartmentOwnersForResource(PATIENT, resource,
						CompartmentSearchParameterModifications.fromAdditionalCompartmentParamNames(type, COMPARTMENT_ADDITIONS))
				.stream().map(owner -> owner.toUnqualifiedVersionless().getValue());
	}

	/** The owners of a stored resource the caller may not have been shown; gone or unknown, it names none. */
	private Stream<String> storedOwners(IIdType id) {
		if (!daos.isResourceTypeSupported(id.getResourceType())) {
			return Stream.empty();
		}
		RuntimeResourceDefinition type = fhirContext.getResourceDefinition(id.getResourceType());
		if (type.getSearchParamsForCompartmentName(PATIENT).isEmpty()
				&& COMPARTMENT_ADDITIONS.stream().allMatch(name -> type.getSearchParam(name) == null)) {
			return Stream.empty();
		}
		try {
			return owners(daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
		} catch (BaseServerResponseException e) {
			return Stream.empty();
		}
	}
}

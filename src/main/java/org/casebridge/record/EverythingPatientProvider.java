package org.casebridge.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.dao.SearchBuilderFactory;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDaoPatient;
import ca.uhn.fhir.jpa.rp.r4.PatientResourceProvider;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.casebridge.record.ClientRecordIndex.Member;
import org.casebridge.server.ResourceProviderOverride;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/[id]/$everything} (R4 patient-operation-everything.html): the client's whole
 * record ({@link ClientRecordIndex}), in one fixed order (HAPI's resource key), paged by
 * {@code _count} and {@code _offset}, narrowed by {@code _type} and by {@code _since} (or
 * {@code _lastUpdated}) on every resource, the Patient and the resources it reaches included.
 *
 * <p>HAPI's JPA implementation ignores {@code _since} and {@code _lastUpdated} and narrows
 * {@code _type} only on the resources that reference the Patient. This subclass of HAPI's Patient
 * provider keeps its reads, writes and searches and HAPI's binding of the operation (the annotations
 * on the method overridden here, and so its entry in the CapabilityStatement); the body is ours.
 * Each page is computed afresh from the index, so paging needs no stored search: a resource added
 * while a client pages normally appears on a later page, since keys grow (each replica takes its
 * own block of them, so one stored meanwhile through another replica can land earlier and shift
 * the later entries by one, as a deletion does).
 */
@Component
@Profile("!baseline")
class EverythingPatientProvider extends PatientResourceProvider implements ResourceProviderOverride {

	private final ClientRecordIndex index;
	private final SearchBuilderFactory<JpaPid> searchBuilders;
	private final IHapiTransactionService transactions;

	EverythingPatientProvider(FhirContext fhirContext, IFhirResourceDaoPatient<Patient> dao, ClientRecordIndex index,
			SearchBuilderFactory<JpaPid> searchBuilders, IHapiTransactionService transactions) {
		setContext(fhirContext);
		setDao(dao);
		this.index = index;
		this.searchBuilders = searchBuilders;
		this.transactions = transactions;
	}

	@Override
	public IBundleProvider patientInstanceEverything(HttpServletRequest servletRequest, IIdType patientId,
			IPrimitiveType<Integer> count, IPrimitiveType<Integer> offset, DateRangeParam lastUpdated,
			List<IPrimitiveType<String>> content, List<IPrimitiveType<String>> narrative,
			List<IPrimitiveType<String>> filter, List<IPrimitiveType<String>> types, IPrimitiveType<Boolean> mdm,
			SortSpec sort, RequestDetails request) {
		refuseUnsupported(content, narrative, filter, mdm, sort);
		// Read first: an unknown client is 404, a deleted one 410, and read interceptors see the request.
		getDao().read(patientId, request);
		long patient = index.patient(patientId.getIdPart())
				.orElseThrow(() -> new ResourceNotFoundException(patientId.toUnqualifiedVersionless()));
		Optional<Instant> since = since(request, lastUpdated);
		Optional<Instant> until = Optional.ofNullable(lastUpdated).map(DateRangeParam::getUpperBoundAsInstant)
				.map(Date::toInstant);
		List<Member> record = index.members(patient, resourceTypes(types), since, until);
		IPagingProvider paging = request.getServer().getPagingProvider();
		int pageSize = count == null || count.getValue() == null ? paging.getDefaultPageSize()
				: Math.min(Math.max(count.getValue(), 1), paging.getMaximumPageSize());
		int from = offset == null || offset.getValue() == null ? 0 : Math.max(offset.getValue(), 0);
		return new ClientRecordBundle(record, from, pageSize, searchBuilders, transactions);
	}

	private Set<String> resourceTypes(List<IPrimitiveType<String>> types) {
		Set<String> requested = types == null ? Set.of() : types.stream()
				.flatMap(type -> Arrays.stream(type.getValueAsString().split(",")))
				.map(String::trim)
				.filter(type -> !type.isEmpty())
				.collect(Collectors.toCollection(TreeSet::new));
		Set<String> known = getContext().getResourceTypes();
		requested.stream().filter(type -> !known.contains(type)).findFirst().ifPresent(unknown -> {
			throw new InvalidRequestException("_type names an unknown resource type: " + unknown);
		});
		return requested;
	}

	/**
	 * R4 defines {@code _since}, which HAPI's binding does not declare, so it is read from the
	 * request; {@code _lastUpdated}'s lower bound narrows the same way.
	 */
	private static Optional<Instant> since(RequestDetails request, DateRangeParam lastUpdated) {
		String[] values = request.getParameters().get("_since");
		if (values != null && values.length > 0) {
			if (values.length > 1) {
				throw new InvalidRequestException("_since is given more than once");
			}
			try {
				return Optional.of(new DateTimeType(values[0]).getValue().toInstant());
			} catch (DataFormatException e) {
				throw new InvalidRequestException("_since is not a FHIR instant: " + values[0]);
			}
		}
		return Optional.ofNullable(lastUpdated).map(DateRangeParam::getLowerBoundAsInstant).map(Date::toInstant);
	}

	private static void refuseUnsupported(Collection<?> content, Collection<?> narrative, Collection<?> filter,
			IPrimitiveType<Boolean> mdm, SortSpec sort) {
		if (!isEmpty(content) || !isEmpty(narrative) || !isEmpty(filter) || mdm != null || sort != null) {
			throw new InvalidRequestException(
					"$everything takes _count, _offset, _type, _since and _lastUpdated; _content, _text, _filter, _mdm and _sort are not supported");
		}
	}

	private static boolean isEmpty(Collection<?> values) {
		return values == null || values.isEmpty();
	}
}

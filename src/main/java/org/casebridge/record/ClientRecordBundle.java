package org.casebridge.record;

import ca.uhn.fhir.jpa.dao.ISearchBuilder;
import ca.uhn.fhir.jpa.dao.SearchBuilderFactory;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebridge.record.ClientRecordIndex.Member;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;

/**
 * One page of the record, by offset: HAPI links the next and previous pages as the same request
 * with another {@code _offset} (the current page's offset and size tell it where they start), and
 * {@code total} is the whole record's size. Only the page's resources are loaded, by their keys in
 * one batch.
 */
final class ClientRecordBundle implements IBundleProvider {

	private final List<Member> members;
	private final int offset;
	private final int pageSize;
	private final SearchBuilderFactory<JpaPid> searchBuilders;
	private final IHapiTransactionService transactions;
	private final InstantType published = InstantType.now();

	ClientRecordBundle(List<Member> members, int offset, int pageSize, SearchBuilderFactory<JpaPid> searchBuilders,
			IHapiTransactionService transactions) {
		this.members = members;
		this.offset = offset;
		this.pageSize = pageSize;
		this.searchBuilders = searchBuilders;
		this.transactions = transactions;
	}

	/**
	 * HAPI reads an offset-paged provider from its start ({@code from} 0): it holds the current page
	 * only.
	 */
	@Override
	public List<IBaseResource> getResources(int from, int to, ResponsePage.ResponsePageBuilder page) {
		int start = Math.min(offset + from, members.size());
		List<Member> wanted = members.subList(start, Math.max(start, Math.min(offset + Math.min(to, pageSize), members.size())));
		// By HAPI's keys, all types in one batch, as HAPI's own $everything loads a page; not under the
		// caller's request, whose _count, _offset and _since HAPI would apply to this load too.
		List<JpaPid> keys = wanted.stream().map(member -> JpaPid.fromId(member.pid())).toList();
		ISearchBuilder<JpaPid> builder = searchBuilders.newSearchBuilder("Patient", Patient.class);
		Callable<List<IBaseResource>> load = () -> builder.loadResourcesByPid(keys, new SystemRequestDetails());
		List<IBaseResource> resources = transactions.withSystemRequest().readOnly().execute(load);
		Map<String, IBaseResource> loaded = resources.stream()
				.collect(Collectors.toMap(resource -> resource.getIdElement().toUnqualifiedVersionless().getValue(),
						Function.identity(), (first, second) -> first));
		return wanted.stream()
				.map(member -> loaded.get(member.type() + "/" + member.id()))
				// Deleted since the record was read.
				.filter(Objects::nonNull)
				.toList();
	}

	@Override
	public Integer getCurrentPageOffset() {
		return offset;
	}

	@Override
	public Integer getCurrentPageSize() {
		return pageSize;
	}

	@Override
	public Integer size() {
		return members.size();
	}

	@Override
	public IPrimitiveType<Date> getPublished() {
		return published;
	}

	@Override
	public String getUuid() {
		return null;
	}

	@Override
	public Integer preferredPageSize() {
		return null;
	}
}

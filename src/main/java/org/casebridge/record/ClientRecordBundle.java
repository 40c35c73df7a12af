package org.casebridge.record;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casebridge.record.ClientRecordIndex.Member;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * The record, paged by offset: HAPI asks for the requested page's members and links the next and
 * previous pages as the same request with another {@code _offset} (the current page's offset and
 * size tell it where they start). Only the page's resources are loaded, with one search per
 * resource type on the page, under the caller's request.
 */
final class ClientRecordBundle implements IBundleProvider {

	private final List<Member> members;
	private final int offset;
	private final int pageSize;
	private final DaoRegistry daoRegistry;
	private final RequestDetails request;
	private final InstantType published = InstantType.now();

	ClientRecordBundle(List<Member> members, int offset, int pageSize, DaoRegistry daoRegistry, RequestDetails request) {
		this.members = members;
		this.offset = offset;
		this.pageSize = pageSize;
		this.daoRegistry = daoRegistry;
		this.request = request;
	}

	@Override
	public List<IBaseResource> getResources(int from, int to, ResponsePage.ResponsePageBuilder page) {
		List<Member> wanted = members.subList(Math.min(from, members.size()), Math.min(to, members.size()));
		Map<String, IBaseResource> loaded = wanted.stream().collect(Collectors.groupingBy(Member::type)).entrySet().stream()
				.flatMap(type -> {
					TokenOrListParam ids = new TokenOrListParam();
					type.getValue().forEach(member -> ids.add(member.id()));
					SearchParameterMap byId = SearchParameterMap.newSynchronous().add("_id", ids);
					IBundleProvider found = daoRegistry.getResourceDao(type.getKey()).search(byId, request);
					return found.getResources(0, type.getValue().size()).stream();
				})
				.collect(Collectors.toMap(resource -> resource.getIdElement().toUnqualifiedVersionless().getValue(),
						Function.identity()));
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

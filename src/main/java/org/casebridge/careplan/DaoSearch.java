package org.casebridge.careplan;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A search through the DAO with the caller's request, so the interceptors that filter what a caller
 * sees apply; every match, not a page. (A DAO {@code search} with a client's request gets that
 * request's page size, the server's default when the client sent no {@code _count}, and a record
 * longer than a page could then not be read whole.)
 */
final class DaoSearch {

	private DaoSearch() {}

	static <T extends IBaseResource> List<T> all(DaoRegistry daoRegistry, Class<T> type, SearchParameterMap map,
			RequestDetails requestDetails) {
		@SuppressWarnings("unchecked")
		List<T> found = (List<T>) daoRegistry.getResourceDao(type).searchForResources(map, requestDetails);
		return found;
	}
}

package org.casebridge.careplan;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** A search through the DAO with the caller's request, so the interceptors that filter what a caller sees apply. */
final class DaoSearch {

	private DaoSearch() {}

	static <T extends IBaseResource> List<T> all(DaoRegistry daoRegistry, Class<T> type, SearchParameterMap map,
			RequestDetails requestDetails) {
		@SuppressWarnings("unchecked")
		List<T> found = (List<T>) daoRegistry.getResourceDao(type).search(map, requestDetails).getAllResources();
		return found;
	}
}

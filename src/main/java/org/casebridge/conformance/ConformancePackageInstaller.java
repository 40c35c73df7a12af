package org.casebridge.conformance;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriOrListParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.util.StopWatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Stores the CaseBridge package's conformance resources on the server at start-up, then warms the
 * validator by validating every example, so the first client write is as fast as any other.
 * Runs before the server reports ready.
 *
 * <p>Only resources that are missing or differ from the stored copy are written, so a restart
 * with the same package neither writes nor validates anything again. They are written as
 * conditional updates on their canonical URLs, all in one transaction: a new package version
 * updates the stored resources in place, keeping earlier ones as history.
 */
@Component
@Profile("!baseline")
class ConformancePackageInstaller implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ConformancePackageInstaller.class);

	private final ConformancePackage conformancePackage;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final DaoRegistry daoRegistry;
	private final ProfileValidator validator;

	ConformancePackageInstaller(
			ConformancePackage conformancePackage,
			IFhirSystemDao<Bundle, ?> systemDao,
			DaoRegistry daoRegistry,
			ProfileValidator validator) {
		this.conformancePackage = conformancePackage;
		this.systemDao = systemDao;
		this.daoRegistry = daoRegistry;
		this.validator = validator;
	}

	@Override
	public void run(ApplicationArguments args) {
		StopWatch install = new StopWatch();
		int written = install();
		log.info("Stored {} of {} {} {} conformance resources (the others were up to date) in {} ms",
				written, conformancePackage.resources().size(), conformancePackage.name(),
				conformancePackage.version(), install.getMillis());

		StopWatch warmUp = new StopWatch();
		conformancePackage.examples().forEach(validator::requireValid);
		log.info("Validator warmed on {} examples in {} ms", conformancePackage.examples().size(), warmUp.getMillis());
	}

	/** Stores what is missing or changed; returns how many resources were written. */
	int install() {
		Map<String, List<Resource>> storedByUrl = storedByUrl();
		Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
		for (IBaseResource packaged : conformancePackage.resources()) {
			MetadataResource resource = (MetadataResource) packaged;
			if (!isStoredAsIs(resource, storedByUrl.getOrDefault(resource.fhirType() + "|" + resource.getUrl(), List.of()))) {
				// A copy: HAPI assigns ids and meta to what it stores, and the package is shared.
				transaction.addEntry()
						.setResource(resource.copy())
						.getRequest()
						.setMethod(HTTPVerb.PUT)
						.setUrl(resource.fhirType() + "?url=" + resource.getUrl());
			}
		}
		if (transaction.hasEntry()) {
			systemDao.transaction(new SystemRequestDetails(), transaction);
		}
		return transaction.getEntry().size();
	}

	/**
	 * What the server holds under the package's canonical URLs, keyed by type and URL: one search
	 * per resource type rather than one per resource, as this runs before every start is ready.
	 */
	private Map<String, List<Resource>> storedByUrl() {
		Map<String, List<String>> urlsByType = conformancePackage.resources().stream().map(MetadataResource.class::cast)
				.collect(Collectors.groupingBy(MetadataResource::fhirType, Collectors.mapping(MetadataResource::getUrl, Collectors.toList())));
		Map<String, List<Resource>> stored = new HashMap<>();
		urlsByType.forEach((type, urls) -> {
			UriOrListParam anyOf = new UriOrListParam();
			urls.forEach(url -> anyOf.addOr(new UriParam(url)));
			SearchParameterMap byUrl = SearchParameterMap.newSynchronous().add("url", anyOf);
			daoRegistry.getResourceDao(type).search(byUrl, new SystemRequestDetails())
					.getAllResources().stream().map(MetadataResource.class::cast)
					.forEach(found -> stored.computeIfAbsent(type + "|" + found.getUrl(), key -> new ArrayList<>()).add(found));
		});
		return stored;
	}

	private static boolean isStoredAsIs(MetadataResource packaged, List<Resource> stored) {
		return stored.size() == 1 && withoutMeta(stored.get(0)).equalsDeep(withoutMeta(packaged));
	}

	/** The resource without what the server assigns when it stores it: id and meta. */
	private static Resource withoutMeta(Resource resource) {
		Resource copy = resource.copy();
		copy.setIdElement(null);
		copy.setMeta(null);
		return copy;
	}
}

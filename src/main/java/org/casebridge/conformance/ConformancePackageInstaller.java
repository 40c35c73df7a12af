package org.casebridge.conformance;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.jpa.topic.ISubscriptionTopicLoader;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriOrListParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.util.StopWatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Basic;
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
 * Stores the CaseBridge package's conformance resources and SubscriptionTopics on the server at
 * start-up, then warms the validator by validating every example, so the first client write is as
 * fast as any other. Runs before the server reports ready.
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
	/** The identifier system of a URL (RFC 3986). */
	private static final String URI_IDENTIFIER = "urn:ietf:rfc:3986";

	private final ConformancePackage conformancePackage;
	/** The conformance resources and the SubscriptionTopics, each stored under its canonical URL. */
	private final List<Resource> packaged;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final DaoRegistry daoRegistry;
	private final ProfileValidator validator;
	private final ISubscriptionTopicLoader topicLoader;

	ConformancePackageInstaller(
			ConformancePackage conformancePackage,
			IFhirSystemDao<Bundle, ?> systemDao,
			DaoRegistry daoRegistry,
			ProfileValidator validator,
			ISubscriptionTopicLoader topicLoader) {
		this.conformancePackage = conformancePackage;
		this.packaged = Stream.concat(conformancePackage.resources().stream().map(Resource.class::cast),
				conformancePackage.subscriptionTopics().stream()).toList();
		this.systemDao = systemDao;
		this.daoRegistry = daoRegistry;
		this.validator = validator;
		this.topicLoader = topicLoader;
	}

	@Override
	public void run(ApplicationArguments args) {
		StopWatch install = new StopWatch();
		int written = install();
		log.info("Stored {} of {} {} {} conformance resources (the others were up to date) in {} ms",
				written, packaged.size(), conformancePackage.name(),
				conformancePackage.version(), install.getMillis());

		StopWatch warmUp = new StopWatch();
		conformancePackage.examples().forEach(validator::requireValid);
		log.info("Validator warmed on {} examples in {} ms", conformancePackage.examples().size(), warmUp.getMillis());
	}

	/** Stores what is missing or changed; returns how many resources were written. */
	int install() {
		Map<String, List<Resource>> storedByUrl = storedByUrl();
		Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
		for (Resource resource : packaged) {
			if (!isStoredAsIs(resource, storedByUrl.getOrDefault(key(resource), List.of()))) {
				// A copy: HAPI assigns ids and meta to what it stores, and the package is shared.
				transaction.addEntry()
						.setResource(resource.copy())
						.getRequest()
						.setMethod(HTTPVerb.PUT)
						.setUrl(conditionalUrl(resource));
			}
		}
		if (transaction.hasEntry()) {
			systemDao.transaction(new SystemRequestDetails(), transaction);
			// HAPI notices a new topic within 10 s; a change made before then would not match it.
			topicLoader.requestRefresh();
		}
		return transaction.getEntry().size();
	}

	/**
	 * What the server holds under the package's canonical URLs, keyed by type and URL: one search
	 * per resource type rather than one per resource, as this runs before every start is ready.
	 */
	private Map<String, List<Resource>> storedByUrl() {
		Map<String, List<Resource>> stored = new HashMap<>();
		packaged.stream().collect(Collectors.groupingBy(Resource::fhirType)).forEach((type, resources) ->
				daoRegistry.getResourceDao(type).search(storedCopies(resources), new SystemRequestDetails())
						.getAllResources().stream().map(Resource.class::cast)
						.forEach(found -> stored.computeIfAbsent(key(found), k -> new ArrayList<>()).add(found)));
		return stored;
	}

	/** The search for the stored copies of package resources of one type, by their canonical URLs. */
	private static SearchParameterMap storedCopies(List<Resource> sameType) {
		if (sameType.get(0) instanceof MetadataResource) {
			UriOrListParam anyOf = new UriOrListParam();
			sameType.forEach(resource -> anyOf.addOr(new UriParam(canonicalUrl(resource))));
			return SearchParameterMap.newSynchronous().add("url", anyOf);
		}
		TokenOrListParam anyOf = new TokenOrListParam();
		sameType.forEach(resource -> anyOf.addOr(new TokenParam(URI_IDENTIFIER, canonicalUrl(resource))));
		return SearchParameterMap.newSynchronous().add("identifier", anyOf);
	}

	private static String key(Resource resource) {
		return resource.fhirType() + "|" + canonicalUrl(resource);
	}

	/** A conformance resource's url; a SubscriptionTopic's, from its extension. */
	private static String canonicalUrl(Resource resource) {
		return resource instanceof MetadataResource metadata ? metadata.getUrl() : ConformancePackage.topicUrl((Basic) resource);
	}

	/**
	 * The conditional URL that finds the stored copy: by {@code url}, or for a topic (Basic has no
	 * url) by the identifier that repeats its canonical URL.
	 */
	private static String conditionalUrl(Resource resource) {
		return resource instanceof MetadataResource metadata
				? resource.fhirType() + "?url=" + metadata.getUrl()
				: resource.fhirType() + "?identifier=" + URI_IDENTIFIER + "|" + canonicalUrl(resource);
	}

	private static boolean isStoredAsIs(Resource resource, List<Resource> stored) {
		return stored.size() == 1 && withoutMeta(stored.get(0)).equalsDeep(withoutMeta(resource));
	}

	/** The resource without what the server assigns when it stores it: id and meta. */
	private static Resource withoutMeta(Resource resource) {
		Resource copy = resource.copy();
		copy.setIdElement(null);
		copy.setMeta(null);
		return copy;
	}
}

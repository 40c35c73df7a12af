package org.casebridge.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.util.StopWatch;
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
 * <p>Each resource is a conditional update on its canonical URL, all in one transaction:
 * re-loading the same package changes nothing (HAPI skips updates without changes) and a new
 * package version updates the stored resources in place, keeping earlier ones as history.
 */
@Component
@Profile("!baseline")
class ConformancePackageInstaller implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ConformancePackageInstaller.class);

	private final ConformancePackage conformancePackage;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final ProfileValidator validator;
	private final FhirContext fhirContext;

	ConformancePackageInstaller(
			ConformancePackage conformancePackage,
			IFhirSystemDao<Bundle, ?> systemDao,
			ProfileValidator validator,
			FhirContext fhirContext) {
		this.conformancePackage = conformancePackage;
		this.systemDao = systemDao;
		this.validator = validator;
		this.fhirContext = fhirContext;
	}

	@Override
	public void run(ApplicationArguments args) {
		StopWatch install = new StopWatch();
		systemDao.transaction(new SystemRequestDetails(), installTransaction());
		log.info("Stored {} {} conformance resources in {} ms",
				conformancePackage.name(), conformancePackage.version(), install.getMillis());

		StopWatch warmUp = new StopWatch();
		conformancePackage.examples().forEach(validator::requireValid);
		log.info("Validator warmed on {} examples in {} ms", conformancePackage.examples().size(), warmUp.getMillis());
	}

	private Bundle installTransaction() {
		Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
		for (IBaseResource resource : conformancePackage.resources()) {
			String type = fhirContext.getResourceType(resource);
			String url = ((MetadataResource) resource).getUrl();
			// A copy: HAPI assigns ids and meta to what it stores, and the package is shared.
			transaction.addEntry()
					.setResource(((Resource) resource).copy())
					.getRequest()
					.setMethod(HTTPVerb.PUT)
					.setUrl(type + "?url=" + url);
		}
		return transaction;
	}
}

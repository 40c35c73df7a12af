package org.casebridge.caseload;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the caseload projection from the resources already stored, once: for a database written
 * before the projection existed. Runs at start-up, before the server accepts requests, in batches
 * that each commit, logging its progress; it marks the projection complete only at the end, so an
 * interrupted build starts again (replacing a resource's facts is idempotent).
 */
@Component
@Profile("!baseline")
class CaseloadProjectionBuilder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CaseloadProjectionBuilder.class);
	private static final int BATCH_SIZE = 500;

	private final CaseloadFactStore store;
	private final DaoRegistry daos;
	private final TransactionTemplate transactions;

	CaseloadProjectionBuilder(CaseloadFactStore store, DaoRegistry daos, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.daos = daos;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (store.built()) {
			return;
		}
		for (String type : CaseloadFacts.TYPES.stream().sorted().toList()) {
			IBundleProvider all = daos.getResourceDao(type).search(new SearchParameterMap(), new SystemRequestDetails());
			int done = 0;
			for (List<IBaseResource> batch = all.getResources(0, BATCH_SIZE); !batch.isEmpty();
					batch = all.getResources(done, done + BATCH_SIZE)) {
				List<IBaseResource> resources = batch;
				transactions.executeWithoutResult(status -> resources.forEach(resource ->
						store.replace(type, resource.getIdElement().getIdPart(), CaseloadFacts.of(resource))));
				done += batch.size();
				log.info("Caseload projection: {} {} resources projected", done, type);
			}
		}
		store.markBuilt();
		log.info("Caseload projection complete");
	}
}

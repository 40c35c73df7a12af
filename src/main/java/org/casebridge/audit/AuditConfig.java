package org.casebridge.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.casebridge.server.RequestCaller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit trail: HAPI's IHE Basic Audit Log Patterns capture ({@link BalpAuditCaptureInterceptor})
 * on the RestfulServer, so every create, update, patch, delete, read, vread and search a client
 * makes (transaction and batch entries each on their own) becomes an AuditEvent in the BALP shape,
 * naming the patients whose data it touched; operations, histories, searches that found nothing
 * and batch entries ({@link ResponseAudit}) and failed or refused requests
 * ({@link FailedRequestAudit}) in the same shape; all stored durably by {@link AuditEventStore}
 * (a read's by way of the {@link AuditOutbox}), linked into a hash chain ({@link AuditChain}) and
 * kept as long as retention says ({@link AuditRetention}).
 *
 * <p>The {@code unaudited} Spring profile leaves the trail out, for the benchmark that measures
 * what it costs on an otherwise identical server (as {@code unvalidated} does for validation); no
 * deployment runs it.
 */
@Configuration
@Profile(AuditConfig.AUDITED)
class AuditConfig {

	/** Where the audit trail runs: everywhere but stock HAPI and the benchmark's unaudited twin. */
	static final String AUDITED = "!baseline & !unaudited";

	@Bean
	AuditOutbox auditOutbox(DataSource dataSource, PlatformTransactionManager transactionManager, FhirContext fhirContext) {
		return new AuditOutbox(dataSource, transactionManager, fhirContext);
	}

	@Bean
	WriteTransactionDetails writeTransactionDetails() {
		return new WriteTransactionDetails();
	}

	@Bean
	AuditEventStore auditEventStore(DaoRegistry daos, AuditOutbox outbox, EntityManagerFactory entityManagers,
			WriteTransactionDetails writes) {
		return new AuditEventStore(daos, outbox, SharedEntityManagerCreator.createSharedEntityManager(entityManagers), writes);
	}

	@Bean
	AuditAgents auditAgents(ObjectProvider<RequestCaller> callers) {
		return new AuditAgents(callers);
	}

	@Bean
	AuditedPatients auditedPatients(FhirContext fhirContext, DaoRegistry daos) {
		return new AuditedPatients(fhirContext, daos);
	}

	@Bean
	DisclosureAccounting disclosureAccounting(DaoRegistry daos) {
		return new DisclosureAccounting(daos);
	}

	@Bean
	AuditChain auditChain(DataSource dataSource, PlatformTransactionManager transactionManager) {
		return new AuditChain(dataSource, transactionManager);
	}

	@Bean
	AuditRetention auditRetention(DaoRegistry daos, AuditChain chain, DataSource dataSource) {
		return new AuditRetention(daos, chain, dataSource);
	}

	@Bean
	SmartInitializingSingleton balpAuditCapture(RestfulServer fhirRestfulServer, AuditEventStore store, AuditAgents agents) {
		// Its hooks take the request's ServletRequestDetails: it runs for client requests, never for the server's own writes.
		BalpAuditCaptureInterceptor capture = new BalpAuditCaptureInterceptor(store, agents);
		capture.setAdditionalPatientCompartmentParamNames(AuditedPatients.COMPARTMENT_ADDITIONS);
		return () -> fhirRestfulServer.registerInterceptor(capture);
	}
}

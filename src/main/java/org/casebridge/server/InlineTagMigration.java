package org.casebridge.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.ReindexParameters;
import ca.uhn.fhir.jpa.dao.BaseHapiFhirDao;
import ca.uhn.fhir.jpa.model.entity.ResourceEncodingEnum;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTable;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTag;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import ca.uhn.fhir.jpa.model.entity.TagDefinition;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import com.google.common.hash.Hashing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves tags, security labels and profiles that HAPI's default tag storage kept in its tag tables
 * ({@code HFJ_HISTORY_TAG}, {@code HFJ_RES_TAG}) into the stored body of each version, where inline
 * tag storage reads them from. Without it a database written before the switch would read back
 * without its labels and no longer match {@code _tag}, {@code _security} or {@code _profile}.
 *
 * <p>Runs at start-up, before the server accepts requests, in batches; each batch is one
 * transaction, so an interrupted migration resumes where it stopped. A version's labels come from
 * the old tag definitions, which keep one display per system and code: that display is the best
 * the old storage can tell.
 */
final class InlineTagMigration implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InlineTagMigration.class);
	private static final int BATCH_SIZE = 500;

	private final EntityManager entityManager;
	private final TransactionTemplate transactions;
	private final DaoRegistry daos;
	private final FhirContext fhirContext;

	InlineTagMigration(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			DaoRegistry daos, FhirContext fhirContext) {
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.transactions = new TransactionTemplate(transactionManager);
		this.daos = daos;
		this.fhirContext = fhirContext;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		migrate();
	}

	/** Migrates every version that still has labels in the tag tables; returns how many. */
	int migrate() {
		int migrated = 0;
		int batch;
		do {
			batch = transactions.execute(status -> migrateBatch());
			migrated += batch;
		} while (batch == BATCH_SIZE);
		if (migrated > 0) {
			log.info("Moved the tags of {} resource versions into their stored bodies", migrated);
		}
		return migrated;
	}

	private int migrateBatch() {
		// Found through the tag table, which the migration empties: once done, a start-up's look is
		// an empty index scan, not a scan of every version.
		List<Long> versionPids = entityManager
				.createQuery("SELECT DISTINCT t.myResourceHistoryPid FROM ResourceHistoryTag t", Long.class)
				.setMaxResults(BATCH_SIZE)
				.getResultList();
		if (versionPids.isEmpty()) {
			return 0;
		}
		List<ResourceHistoryTable> versions = entityManager
				.createQuery("SELECT v FROM ResourceHistoryTable v WHERE v.myId.myVersionId IN :pids", ResourceHistoryTable.class)
				.setParameter("pids", versionPids)
				.getResultList();
		for (ResourceHistoryTable version : versions) {
			migrate(version);
		}
		entityManager.flush();
		for (ResourceHistoryTable version : versions) {
			ResourceTable resource = version.getResourceTable();
			if (version.getVersion() == resource.getVersion() && !resource.isDeleted()) {
				// The search indexes of _tag, _security and _profile are built from the body now.
				daos.getResourceDao(resource.getResourceType()).reindex(resource.getId(), new ReindexParameters(),
						new SystemRequestDetails(), new TransactionDetails());
			}
		}
		return versionPids.size();
	}

	private void migrate(ResourceHistoryTable version) {
		ResourceTable resource = version.getResourceTable();
		boolean current = version.getVersion() == resource.getVersion();
		String body = version.getResourceTextVc() != null
				? version.getResourceTextVc()
				: version.getResource() == null ? null : BaseHapiFhirDao.decodeResource(version.getResource(), version.getEncoding());
		// A deletion has no body to carry labels.
		if (body != null) {
			Resource parsed = (Resource) fhirContext.newJsonParser().parseResource(body);
			for (ResourceHistoryTag tag : version.getTags()) {
				addTo(parsed.getMeta(), tag.getTag());
			}
			String encoded = fhirContext.newJsonParser().encodeResourceToString(parsed);
			version.setResourceTextVc(encoded);
			version.setResource(null);
			version.setEncoding(ResourceEncodingEnum.JSON);
			if (current) {
				// HAPI compares this hash to tell an unchanged update from a new version.
				resource.setHashSha256(Hashing.sha256().hashUnencodedChars(encoded).toString());
			}
		}
		version.getTags().clear();
		version.setHasTags(false);
		// The current labels mirror the current version's; a deletion's version carries none.
		if (current || resource.isDeleted()) {
			resource.getTags().clear();
			resource.setHasTags(false);
		}
	}

	private static void addTo(Meta meta, TagDefinition definition) {
		switch (definition.getTagType()) {
			case PROFILE -> {
				if (!meta.hasProfile(definition.getCode())) {
					meta.addProfile(definition.getCode());
				}
			}
			case TAG -> {
				if (meta.getTag(definition.getSystem(), definition.getCode()) == null) {
					meta.addTag(coding(definition));
				}
			}
			case SECURITY_LABEL -> {
				if (meta.getSecurity(definition.getSystem(), definition.getCode()) == null) {
					meta.addSecurity(coding(definition));
				}
			}
		}
	}

	private static Coding coding(TagDefinition definition) {
		Coding coding = new Coding(definition.getSystem(), definition.getCode(), definition.getDisplay());
		coding.setVersion(definition.getVersion());
		if (definition.getUserSelected() != null) {
			coding.setUserSelected(definition.getUserSelected());
		}
		return coding;
	}
}

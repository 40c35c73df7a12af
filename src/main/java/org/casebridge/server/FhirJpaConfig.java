package org.casebridge.server;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings.ClientIdStrategyEnum;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings.IdStrategyEnum;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.model.HistoryCountModeEnum;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.DatabaseBinaryContentStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.entity.StorageSettings.TagStorageModeEnum;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The HAPI FHIR JPA storage layer for R4: DAOs, search, batch jobs and the persistence unit.
 *
 * <p>Hibernate settings come from {@code spring.jpa.properties} so that the dialect and schema
 * handling are chosen per Spring profile (H2 by default, PostgreSQL with {@code postgres}).
 */
@Configuration
@Import({
	JpaR4Config.class,
	HapiJpaConfig.class,
	JpaBatch2Config.class,
	Batch2JobsConfig.class,
	ThreadPoolFactoryConfig.class,
	// HAPI's batch framework needs the message broker client even before subscriptions are used.
	SubscriptionChannelConfig.class
})
class FhirJpaConfig {

	@Bean
	@Profile("!baseline")
	JpaStorageSettings storageSettings() {
		JpaStorageSettings settings = new JpaStorageSettings();
		// EHRs and the official examples PUT their own ids, numeric ones included; UUIDs for ids
		// the server assigns can never collide with them.
		settings.setResourceClientIdStrategy(ClientIdStrategyEnum.ANY);
		settings.setResourceServerIdStrategy(IdStrategyEnum.UUID);
		// A case manager who updates a Task and reloads the list must see the change: never answer
		// a search or history read from an earlier identical query's cached results.
		settings.setReuseCachedSearchResultsForMillis(null);
		// HAPI's default caches the history total and then cuts the history to that stale count,
		// hiding the newest versions; a plan's revision history must be complete.
		settings.setHistoryCountMode(HistoryCountModeEnum.COUNT_ACCURATE);
		// Pre-expanding ValueSets into the database needs Hibernate Search, which is off; our
		// ValueSets are small and expand in memory.
		settings.setPreExpandValueSets(false);
		// meta.source comes back as sent: HAPI would replace its fragment, or append one, with the
		// server's request id. A client that wants its request id searchable sends it as the fragment.
		settings.setPreserveRequestIdInResourceBody(true);
		// Tags and security labels read back as sent, display included, and each version keeps its
		// own: stored in the resource body rather than in HAPI's tag tables, which keep one display
		// per system and code. _tag, _security and _profile are then indexed like any other
		// parameter; HAPI's $meta operations do not see inline tags (see MetaOperationsInterceptor).
		settings.setTagStorageMode(TagStorageModeEnum.INLINE);
		// A bulk export holds what was stored when it was asked for, not an earlier identical
		// export's files.
		settings.setEnableBulkExportJobReuse(false);
		// Export files are copies of client records: HAPI deletes them 2 hours after their export
		// completed only with this on (off by default, and they would stay for ever).
		settings.setEnableTaskBulkExportJobExecution(true);
		// Audit retention removes old AuditEvents for good; AuditEvents are never expunged otherwise.
		settings.setExpungeEnabled(true);
		return settings;
	}

	/** A database written with HAPI's default tag storage keeps its tags after the switch to inline. */
	@Bean
	@Profile("!baseline")
	InlineTagMigration inlineTagMigration(EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, DaoRegistry daos, FhirContext fhirContext) {
		return new InlineTagMigration(entityManagerFactory, transactionManager, daos, fhirContext);
	}

	/** Versioned references and decimals read back as sent (see {@link LosslessParsingConfigurer}). */
	@Bean
	@Profile("!baseline")
	static BeanPostProcessor losslessParsing() {
		return new LosslessParsingConfigurer();
	}

	/**
	 * Stock HAPI storage settings, as the reference JPA starter ships them: the {@code baseline}
	 * profile that benchmarks measure CaseBridge against.
	 */
	@Bean
	@Profile("baseline")
	JpaStorageSettings stockStorageSettings() {
		return new JpaStorageSettings();
	}

	/** Binary attachments live in the same database as the resources that reference them. */
	@Bean
	IBinaryStorageSvc binaryStorageSvc() {
		return new DatabaseBinaryContentStorageSvcImpl();
	}

	@Bean
	PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}

	@Bean
	@Primary
	LocalContainerEntityManagerFactoryBean entityManagerFactory(
			DataSource dataSource,
			JpaProperties jpaProperties,
			ConfigurableListableBeanFactory beanFactory,
			FhirContext fhirContext,
			JpaStorageSettings storageSettings) {
		LocalContainerEntityManagerFactoryBean factory =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
		factory.setPersistenceUnitName("HAPI_PU");
		factory.setDataSource(dataSource);
		factory.setJpaPropertyMap(jpaProperties.getProperties());
		return factory;
	}

	@Bean
	@Primary
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}
}

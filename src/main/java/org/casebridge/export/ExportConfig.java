package org.casebridge.export;

import ca.uhn.fhir.batch2.maintenance.JobMaintenanceServiceImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * FHIR Bulk Data Access 2.0 export (bulk-data/export.html) with HAPI's batch jobs: the server
 * configuration registers HAPI's {@code $export} provider; this makes its jobs advance at the pace a
 * client polls. HAPI's batch maintenance runs once a minute by default and an export needs one run
 * per step, so a small export would take four minutes to answer.
 */
@Configuration
@Profile("!baseline")
class ExportConfig {

	/** Set before HAPI's scheduler starts, which reads the frequency when it schedules the pass. */
	@Bean
	static BeanPostProcessor exportJobPace(ObjectProvider<ExportProperties> properties) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JobMaintenanceServiceImpl maintenance) {
					maintenance.setScheduledJobFrequencyMillis(properties.getObject().jobStepInterval().toMillis());
				}
				return bean;
			}
		};
	}
}

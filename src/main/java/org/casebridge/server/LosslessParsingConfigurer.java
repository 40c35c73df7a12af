package org.casebridge.server;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * What a client sends is what it reads back: configures the FhirContext that parses requests and
 * stored resources as soon as HAPI has created it, before anything is parsed.
 *
 * <p>HAPI's parser drops the version from every reference by default; a versioned reference is
 * deliberate (R4 references.html §2.3.0.2: {@code Provenance.target} names the version that was
 * signed or seen), so versions are kept. HAPI still indexes the reference versionless, so chained
 * search and {@code _include} find the target as before. Decimals keep their text through
 * {@link ExactDecimalJson}.
 */
final class LosslessParsingConfigurer implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof FhirContext fhirContext) {
			fhirContext.getParserOptions().setStripVersionsFromReferences(false);
			ExactDecimalJson.install();
		}
		return bean;
	}
}

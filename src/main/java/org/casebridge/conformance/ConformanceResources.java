package org.casebridge.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain.CacheConfiguration;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Component;

/**
 * The conformance resources CaseBridge knows: its own package first, then the server's chain
 * (core R4 definitions and every conformance resource stored on the server). The package is
 * asked first so that its profiles and Questionnaires are known before they are stored and are
 * served from memory; codes are checked in memory before the server's chain would look each one
 * up in the terminology tables.
 */
@Component
public class ConformanceResources {

	private final FhirContext fhirContext;
	private final IValidationSupport chain;
	private final Map<String, Questionnaire> packageQuestionnaires = new HashMap<>();
	private final AtomicLong version = new AtomicLong();

	public ConformanceResources(FhirContext fhirContext, IValidationSupport serverSupport, ConformancePackage conformancePackage) {
		this.fhirContext = fhirContext;
		PrePopulatedValidationSupport packageSupport = new PrePopulatedValidationSupport(fhirContext);
		conformancePackage.resources().forEach(packageSupport::addResource);
		// HAPI's pre-populated support holds profiles and terminology, not Questionnaires.
		conformancePackage.resources().stream()
				.filter(Questionnaire.class::isInstance)
				.map(Questionnaire.class::cast)
				.forEach(questionnaire -> packageQuestionnaires.put(questionnaire.getUrl(), questionnaire));
		this.chain = new ValidationSupportChain(
				CacheConfiguration.defaultValues(),
				packageSupport,
				new InMemoryTerminologyServerValidationSupport(fhirContext),
				new CommonCodeSystemsTerminologyService(fhirContext),
				serverSupport);
	}

	/** The chain, for the validator and the FHIRPath engine. */
	public IValidationSupport validationSupport() {
		return chain;
	}

	/** Forgets what the chain cached, after a conformance resource was written. */
	void forgetCached() {
		chain.invalidateCaches();
		version.incrementAndGet();
	}

	/** Changes whenever {@link #forgetCached()} is called: what was computed from an older version is stale. */
	long version() {
		return version.get();
	}

	/** A FHIRPath engine (the one HAPI ships) over this chain, with a feature's additions. */
	public FHIRPathEngine fhirPathEngine(FhirPathHost host) {
		FHIRPathEngine engine = new FHIRPathEngine(new HapiWorkerContext(fhirContext, chain));
		engine.setHostServices(host);
		return engine;
	}

	/**
	 * The Questionnaire a response's {@code questionnaire} canonical names, from the package or the
	 * server; empty when it names none, or one neither holds. A canonical with a version
	 * ({@code url|1.2}) names that version only.
	 */
	public Optional<Questionnaire> questionnaire(String canonical) {
		if (canonical == null || canonical.isBlank()) {
			return Optional.empty();
		}
		Questionnaire fromPackage = packageQuestionnaires.get(withoutVersion(canonical));
		if (fromPackage != null && (!hasVersion(canonical) || canonical.endsWith("|" + fromPackage.getVersion()))) {
			return Optional.of(fromPackage);
		}
		return Optional.ofNullable(chain.fetchResource(Questionnaire.class, canonical));
	}

	/** Whether the canonical names a version ({@code url|1.2}) of a Questionnaire held only in other versions. */
	public boolean holdsOtherVersionsOnly(String canonical) {
		return hasVersion(canonical)
				&& questionnaire(canonical).isEmpty()
				&& questionnaire(withoutVersion(canonical)).isPresent();
	}

	private static boolean hasVersion(String canonical) {
		return canonical != null && canonical.indexOf('|') > 0;
	}

	private static String withoutVersion(String canonical) {
		return hasVersion(canonical) ? canonical.substring(0, canonical.indexOf('|')) : canonical;
	}
}

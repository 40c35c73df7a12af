package org.casebridge.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.springframework.stereotype.Component;

/**
 * Validates resources against base R4, the profiles they declare in {@code meta.profile} and,
 * when {@link ConformanceProperties#requireProfiles()} is on, the CaseBridge profile for their
 * type. Only errors reject a resource; warnings never do.
 *
 * <p>Profiles, ValueSets and Questionnaires come from {@link ConformanceResources}: the CaseBridge
 * package first, then the server's own chain.
 *
 * <p>Speed: a write's errors are first looked for by {@link CompiledChecks}, over the parsed
 * resource; only what they cannot prove valid goes to the instance validator (issue 15). Then the
 * core validators are reused ({@link ReusedInstanceValidator}), and each new one
 * parsed the 1.5 MB OID registry ({@code oidregistry.csv}) again, which cost ~15 ms of every
 * ~17 ms validation when HAPI built one per validation (as it still does for XML).
 * {@code src/main/resources/oidregistry.csv} shadows it with the header alone. The
 * registry only lets the validator treat {@code urn:oid:} URLs as resolvable; the validation
 * results of the tests and examples are the same without it.
 */
@Component
public class ProfileValidator {

	private final FhirValidator validator;
	private final FhirContext fhirContext;
	private final Map<String, String> requiredProfileByType;
	private final ConformanceResources conformanceResources;
	private final CompiledChecks compiledChecks;
	private final ExactText exactText;

	ProfileValidator(
			FhirContext fhirContext,
			ConformanceResources conformanceResources,
			ConformancePackage conformancePackage,
			ConformanceProperties properties) {
		this.fhirContext = fhirContext;
		this.conformanceResources = conformanceResources;
		this.validator = fhirContext.newValidator().registerValidatorModule(
				new ReusedInstanceValidator(conformanceResources.validationSupport(), conformanceResources::version));
		this.requiredProfileByType = properties.requireProfiles() ? resourceProfiles(conformancePackage) : Map.of();
		this.compiledChecks = new CompiledChecks(fhirContext, conformanceResources);
		this.exactText = new ExactText(fhirContext);
	}

	public ValidationResult validate(IBaseResource resource) {
		ValidationOptions options = new ValidationOptions();
		String required = requiredProfileByType.get(fhirContext.getResourceType(resource));
		if (required != null) {
			options.addProfile(required);
		}
		return validator.validateWithResult(resource, options);
	}

	/**
	 * The errors (and fatal errors) of {@link #validate}: what rejects a write; none, without the
	 * instance validator, for a resource the compiled checks prove valid whose text, if it came with
	 * one, says exactly what it holds ({@link ExactText}). A response naming a
	 * version of a Questionnaire that the server holds in another version is one: its answers
	 * cannot be checked against the version named, and the core validator only warns. (A response
	 * to a Questionnaire the server does not know at all is stored as base R4, and checked once
	 * the Questionnaire arrives.)
	 */
	public List<SingleValidationMessage> errors(IBaseResource resource) {
		if (compiledChecks.provenValid(resource, requiredProfileByType.get(fhirContext.getResourceType(resource)))
				&& exactText.holds(resource)) {
			return List.of();
		}
		List<SingleValidationMessage> errors = new ArrayList<>(validate(resource).getMessages().stream()
				.filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.filter(message -> !SubscriptionTopicExtensions.isRefusedVersion(message))
				.toList());
		if (resource instanceof QuestionnaireResponse response
				&& conformanceResources.holdsOtherVersionsOnly(response.getQuestionnaire())) {
			errors.add(unheldQuestionnaireVersion(response.getQuestionnaire()));
		}
		return errors;
	}

	private static SingleValidationMessage unheldQuestionnaireVersion(String canonical) {
		SingleValidationMessage message = new SingleValidationMessage();
		message.setSeverity(ResultSeverityEnum.ERROR);
		message.setLocationString("QuestionnaireResponse.questionnaire");
		message.setMessage("This server holds other versions of the Questionnaire " + canonical
				+ " but not this one, so the answers cannot be checked");
		return message;
	}

	/** Throws 422 Unprocessable Entity with an OperationOutcome of the errors, if there are any. */
	public void requireValid(IBaseResource resource) {
		List<SingleValidationMessage> errors = errors(resource);
		if (!errors.isEmpty()) {
			throw new UnprocessableEntityException(fhirContext, outcomeOf(resource, errors));
		}
	}

	private static OperationOutcome outcomeOf(IBaseResource resource, List<SingleValidationMessage> errors) {
		OperationOutcome outcome = new OperationOutcome();
		for (SingleValidationMessage error : errors) {
			outcome.addIssue()
					.setSeverity(error.getSeverity() == ResultSeverityEnum.FATAL ? IssueSeverity.FATAL : IssueSeverity.ERROR)
					.setCode(IssueType.PROCESSING)
					.setDiagnostics(diagnostics(resource, error))
					.addExpression(error.getLocationString());
		}
		return outcome;
	}

	/** The validator's message, naming the questionnaire item's linkId when it points into one. */
	private static String diagnostics(IBaseResource resource, SingleValidationMessage error) {
		if (resource instanceof QuestionnaireResponse response) {
			String linkId = QuestionnaireItemLocator.linkIdAt(response, error.getLocationString());
			if (linkId != null && !error.getMessage().contains("'" + linkId + "'")) {
				return error.getMessage() + " (item linkId '" + linkId + "')";
			}
		}
		return error.getMessage();
	}

	/** Resource type → the CaseBridge profile that constrains it (extensions excluded). */
	private static Map<String, String> resourceProfiles(ConformancePackage conformancePackage) {
		return conformancePackage.resources().stream()
				.filter(StructureDefinition.class::isInstance)
				.map(StructureDefinition.class::cast)
				.filter(sd -> sd.getDerivation() == TypeDerivationRule.CONSTRAINT && !"Extension".equals(sd.getType()))
				.collect(Collectors.toUnmodifiableMap(StructureDefinition::getType, StructureDefinition::getUrl));
	}
}

package org.casebridge.conformance;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.IValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.json.model.JsonArray;
import org.hl7.fhir.utilities.json.model.JsonElement;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueType;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * The core instance validator, run as HAPI's {@link FhirInstanceValidator} runs it (the same
 * settings, the same profiles, the same messages), except that the validator and its JSON parser
 * are built once and used again. HAPI builds both for every validation, and building them — each
 * with a FHIRPath engine that indexes every StructureDefinition the server holds — was a third of
 * a write's validation (issue 15).
 *
 * <p>An idle validator waits in a pool; one request uses it at a time, so the pool holds as many as
 * writes have validated at once (each inside its database transaction: at most the connection
 * pool's size). A validator keeps what it works out about a profile (its elements' children, by
 * URL and version) and per-resource maps it never clears. So it is dropped once the server's
 * conformance resources change ({@code conformanceVersion}: a profile updated in place would
 * otherwise be checked as it was), and after {@value #USES} validations.
 *
 * <p>JSON only: a resource that came as XML (the validator checks the text a client sent) goes to
 * HAPI's validator, as before.
 */
class ReusedInstanceValidator implements IValidatorModule {

	/**
	 * Validations per validator: bounds what it accumulates (a narrative's fragment ids, keyed by
	 * the narrative's element, so holding its resource), at 1/USES of a build per validation.
	 */
	private static final int USES = 100;

	private final WorkerContextValidationSupportAdapter workerContext;
	private final FhirInstanceValidator xmlValidator;
	private final LongSupplier conformanceVersion;
	private final Deque<Reusable> idle = new ConcurrentLinkedDeque<>();

	ReusedInstanceValidator(IValidationSupport validationSupport, LongSupplier conformanceVersion) {
		this.workerContext = WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(validationSupport);
		this.conformanceVersion = conformanceVersion;
		this.xmlValidator = new FhirInstanceValidator(validationSupport);
		xmlValidator.setWrappedWorkerContext(validationSupport, workerContext);
		// EHRs declare profiles CaseBridge does not hold (US Core, say): a warning, not a refusal.
		xmlValidator.setErrorForUnknownProfiles(false);
	}

	@Override
	public void validateResource(IValidationContext<IBaseResource> context) {
		if (context.getResourceAsStringEncoding() != EncodingEnum.JSON) {
			xmlValidator.validateResource(context);
			return;
		}
		Reusable reusable = borrow();
		List<ValidationMessage> messages = reusable.validate(context.getResourceAsString(),
				context.getOptions().getProfiles(), context.getOptions().getAppContext());
		giveBack(reusable); // not after a failure, which may have left it half-way
		messages.stream().filter(ReusedInstanceValidator::reported).map(ReusedInstanceValidator::toHapi)
				.forEach(context::addValidationMessage);
	}

	private Reusable borrow() {
		long version = conformanceVersion.getAsLong();
		for (Reusable reusable = idle.pollFirst(); reusable != null; reusable = idle.pollFirst()) {
			if (reusable.conformanceVersion == version) {
				return reusable;
			}
		}
		return new Reusable(version);
	}

	private void giveBack(Reusable reusable) {
		if (reusable.uses < USES && reusable.conformanceVersion == conformanceVersion.getAsLong()) {
			idle.offerFirst(reusable);
		}
	}

	/** What HAPI's wrapper leaves out: a binding without a source, and its own unknown mime-type ValueSet. */
	private static boolean reported(ValidationMessage message) {
		String id = message.getMessageId();
		return id == null || !(id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
				|| (id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
						&& message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")));
	}

	/** As HAPI's bridge converts them; a profile the server does not hold is a warning. */
	private static SingleValidationMessage toHapi(ValidationMessage message) {
		SingleValidationMessage converted = new SingleValidationMessage();
		if (message.getCol() != -1) {
			converted.setLocationCol(message.getCol());
		}
		if (message.getLine() != -1) {
			converted.setLocationLine(message.getLine());
		}
		converted.setLocationString(message.getLocation());
		converted.setMessage(message.getMessage());
		IssueSeverity level = unknownProfile(message) ? IssueSeverity.WARNING : message.getLevel();
		if (level != null) {
			converted.setSeverity(ResultSeverityEnum.fromCode(level.toCode()));
		}
		// The core validator puts whole sentences in the id of messages from the terminology service.
		if (message.getMessageId() != null && !message.getMessageId().contains(" ")) {
			converted.setMessageId(message.getMessageId());
		}
		if (message.hasSliceInfo()) {
			converted.setSliceMessages(message.getSliceInfo().stream().map(ValidationMessage::getMessage).toList());
		}
		return converted;
	}

	private static boolean unknownProfile(ValidationMessage message) {
		return I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(message.getMessageId())
				|| I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(message.getMessageId());
	}

	/** A validator and its parser, configured as HAPI's wrapper configures them. */
	private final class Reusable {

		private final long conformanceVersion;
		private final InstanceValidator validator;
		private final JsonParser parser;
		private int uses;

		Reusable(long conformanceVersion) {
			this.conformanceVersion = conformanceVersion;
			validator = new InstanceValidator(workerContext, new FhirInstanceValidator.NullEvaluationContext(),
					new XVerExtensionManagerOld(workerContext), new ValidatorSession(), new ValidatorSettings());
			validator.setAnyExtensionsAllowed(true);
			validator.setResourceIdRule(IdStatus.OPTIONAL);
			validator.setErrorForUnknownProfiles(false);
			validator.setUnknownCodeSystemsCauseErrors(true);
			validator.setPolicyAdvisor(new FhirDefaultPolicyAdvisor());
			validator.setAllowXsiLocation(true);
			parser = new DefinitionRememberingParser();
			parser.setupValidation(ValidationPolicy.EVERYTHING);
		}

		List<ValidationMessage> validate(String json, Collection<String> requiredProfiles, Object appContext) {
			uses++;
			List<ValidationMessage> messages = new ArrayList<>();
			JsonObject object;
			try {
				object = org.hl7.fhir.utilities.json.parser.JsonParser.parseObject(json, true, true, 0);
			} catch (Exception unreadable) {
				parser.logError(messages, ValidationMessage.NO_RULE_DATE, -1, -1, null, IssueType.INVALID,
						workerContext.formatMessage(I18nConstants.ERROR_PARSING_JSON_, unreadable.getMessage()), IssueSeverity.FATAL);
				return messages;
			}
			List<ValidationMessage> unknownProfiles = new ArrayList<>();
			List<StructureDefinition> profiles = new ArrayList<>();
			requiredProfiles.forEach(url -> addProfile(url, profiles, unknownProfiles));
			declaredProfiles(object).forEach(url -> addProfile(url, profiles, unknownProfiles));
			Element element = parser.parse(messages, object);
			if (element != null) {
				validator.validate(appContext, messages, null, element, profiles);
				// Code/text pairs kept for an AI check the server does not run, each holding the resource's tree.
				validator.getTextsToCheck().clear();
			}
			if (profiles.isEmpty()) {
				messages.addAll(unknownProfiles);
			}
			return messages;
		}

		private void addProfile(String url, List<StructureDefinition> profiles, List<ValidationMessage> unknownProfiles) {
			StructureDefinition profile;
			try {
				profile = workerContext.fetchResource(StructureDefinition.class, url);
			} catch (FHIRException unusable) {
				return; // HAPI's wrapper passes over a profile it cannot load, too
			}
			if (profile != null) {
				profiles.add(profile);
			} else {
				ValidationMessage unknown = new ValidationMessage();
				unknown.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
				unknown.setLevel(IssueSeverity.ERROR);
				unknown.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
				unknownProfiles.add(unknown);
			}
		}
	}

	/**
	 * The core JSON parser, which looks up the definition of each resource type it reads by walking
	 * every StructureDefinition the server holds (~650, a URL built and compared for each) for every
	 * resource: 12% of a validation. Definitions only change with the conformance version, when the
	 * parser is dropped with its validator, so each is looked up once.
	 */
	private final class DefinitionRememberingParser extends JsonParser {

		private final Map<String, StructureDefinition> definitions = new HashMap<>();

		DefinitionRememberingParser() {
			super(workerContext);
		}

		@Override
		protected StructureDefinition getDefinition(List<ValidationMessage> errors, int line, int col, String name) {
			StructureDefinition known = definitions.get(name);
			if (known == null) {
				known = super.getDefinition(errors, line, col, name);
				if (known != null) {
					definitions.put(name, known);
				}
			}
			return known;
		}
	}

	private static List<String> declaredProfiles(JsonObject resource) {
		JsonObject meta = resource.getJsonObject("meta");
		JsonArray profiles = meta == null ? null : meta.getJsonArray("profile");
		return profiles == null ? List.of() : profiles.getItems().stream().map(JsonElement::asString).toList();
	}
}

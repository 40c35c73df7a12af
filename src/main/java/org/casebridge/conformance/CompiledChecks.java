package org.casebridge.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport.CodeValidationResult;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r5.extensions.ExtensionDefinitions;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.DateType;
import org.hl7.fhir.r5.model.InstantType;
import org.hl7.fhir.r5.model.TimeType;
import org.hl7.fhir.utilities.Utilities;
import org.hl7.fhir.utilities.Utilities.DecimalStatus;
import org.hl7.fhir.utilities.UnicodeUtilities;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.ElementDefinition.AggregationMode;
import org.hl7.fhir.r4.model.ElementDefinition.ConstraintSeverity;
import org.hl7.fhir.r4.model.ElementDefinition.DiscriminatorType;
import org.hl7.fhir.r4.model.ElementDefinition.ElementDefinitionSlicingDiscriminatorComponent;
import org.hl7.fhir.r4.model.ElementDefinition.SlicingRules;
import org.hl7.fhir.r4.model.ElementDefinition.TypeRefComponent;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.ExtensionContextType;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionContextComponent;
import org.hl7.fhir.validation.instance.utils.Base64Util;
import org.hl7.fhir.validation.instance.utils.FHIRPathExpressionFixer;

/**
 * The write path's fast proof that a resource has no validation errors (issue 15): the profile a
 * resource is checked against, read once from its snapshot, and the checks the instance validator
 * would make of it — cardinalities, types, fixed values and patterns, required and extensible
 * bindings, codes in the code systems the server holds, reference target types, invariants and
 * the datatypes' formats — run over HAPI's parsed object, with no JSON round trip and no element
 * model of the validator's own.
 *
 * <p>It only ever answers "no errors". Whatever it cannot decide exactly as the validator would
 * (a narrative, a contained resource with a meta or contained resources of its own, or one its
 * reference holds to a profile, an extension or profile the server does not hold, a slicing
 * it does not model, an invariant that needs {@code memberOf()} or {@code conformsTo()}, the
 * resource types the core validator checks with rules of their own) and every violation it finds,
 * it leaves undecided, and
 * the instance validator decides: the errors a client reads, and their wording, stay the
 * validator's. {@code ValidationCorpusTest} and {@code CompiledChecksTest} hold it to the
 * validator's answers.
 */
final class CompiledChecks {

	/**
	 * The resource types the core validator checks with rules beyond their definitions. Not
	 * Observation: its own rules (ObservationValidator) are best-practice checks, warnings at the
	 * validator's default level, and the vital-signs profiles the core validator can imply for one
	 * come from a policy advisor, and HAPI's implies none.
	 */
	private static final Set<String> VALIDATOR_RULED_TYPES = Set.of("Bundle", "CodeSystem", "ConceptMap",
			"ImplementationGuide", "Measure", "MeasureReport", "OperationDefinition", "Questionnaire",
			"QuestionnaireResponse", "SearchParameter", "StructureDefinition", "StructureMap", "ValueSet", "Parameters");

	/**
	 * Invariants whose answer depends on what the FHIRPath engine here does not provide as the
	 * validator does. {@code resolve()} is not among them: without a resource fetcher, the validator
	 * resolves only contained and bundled resources, which the proof never has, so both find none.
	 */
	private static final Pattern UNDECIDABLE_INVARIANT =
			Pattern.compile("memberOf\\(|conformsTo\\(|htmlChecks|%(?!resource\\b|rootResource\\b)|subsumes");

	private static final Pattern RELATIVE_REFERENCE =
			Pattern.compile("([A-Z][A-Za-z]+)/[A-Za-z0-9\\-.]{1,64}(/_history/[A-Za-z0-9\\-.]{1,64})?");
	/** A reference to another entry of the same transaction, before HAPI replaces it with the entry's id. */
	private static final Pattern TRANSACTION_ENTRY_REFERENCE = Pattern.compile("urn:uuid:[0-9a-fA-F\\-]{1,64}");
	/**
	 * A conditional reference: a search HAPI resolves as it stores the resource (BaseValidator.isSearchUrl,
	 * no whitespace). Decided up to a length at which matching it, once per parameter, cannot exhaust the stack.
	 */
	private static final int CONDITIONAL_REFERENCE_MAX = 1024;
	private static final Pattern CONDITIONAL_REFERENCE =
			Pattern.compile("([A-Z][A-Za-z]+)\\?[_a-zA-Z][_a-zA-Z0-9.:-]*=[^=&\\s]*(&[_a-zA-Z][_a-zA-Z0-9.:]*=[^=&\\s]*)*");
	/** A resource's id, and a version's (R4 datatypes §2.24.0.1 "id"). */
	static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
	/** A time zone ending a dateTime that has a time. */
	private static final Pattern TIME_ZONE_OFFSET = Pattern.compile("[+-]\\d\\d:\\d\\d$");
	private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
	/** The primitive types whose rules {@link Proof#primitive} holds a value to; the rest are left to the validator. */
	private static final Set<String> CHECKED_PRIMITIVES = Set.of("string", "markdown", "id", "code", "uri", "url", "boolean",
			"integer", "unsignedInt", "positiveInt", "decimal", "date", "dateTime", "instant", "time", "base64Binary");
	// The validator's own patterns for these types, stricter than their definitions' (InstanceValidator.checkPrimitive).
	private static final Pattern DATE_TIME = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])"
			+ "(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?");
	private static final Pattern DATE = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?");
	private static final Pattern INSTANT = Pattern.compile("-?[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:"
			+ "([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))");
	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)");
	/** No leading, trailing or repeated spaces, and no other whitespace. */
	private static final Pattern CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");
	/** Extensions on an element's definition that add rules for its primitive value. */
	private static final Set<String> PRIMITIVE_RULE_EXTENSIONS = Set.of(ExtensionDefinitions.EXT_REGEX,
			ExtensionDefinitions.EXT_MIN_LENGTH, ExtensionDefinitions.EXT_MAX_DECIMALS, ExtensionDefinitions.EXT_MAX_SIZE,
			ExtensionDefinitions.EXT_DATE_FORMAT, ExtensionDefinitions.EXT_DATE_RULES);
	private static final Pattern ABSOLUTE_URL = Pattern.compile("(https?|urn):\\S+");
	private static final Pattern IDENTIFIER_SYSTEM = Pattern.compile("http:|https:|urn:|ldap:");
	/** Identifier systems whose values the validator holds to rules of their own. */
	private static final String URI_IDENTIFIER = "urn:ietf:rfc:3986";
	private static final String UUID_IDENTIFIER = "https://tools.ietf.org/html/rfc4122";
	private static final String MAX_VALUE_SET = "http://hl7.org/fhir/StructureDefinition/elementdefinition-maxValueSet";
	private static final int MAX_STRING = 1024 * 1024;

	private final ConformanceResources conformanceResources;
	private final IValidationSupport support;
	private final FHIRPathEngine fhirPath;
	private final Set<String> resourceTypes;
	private volatile Compiled compiled;

	CompiledChecks(FhirContext fhirContext, ConformanceResources conformanceResources) {
		this.conformanceResources = conformanceResources;
		this.support = conformanceResources.validationSupport();
		this.fhirPath = conformanceResources.fhirPathEngine(new FhirPathHost() {
			@Override
			public boolean log(String argument, List<Base> focus) {
				return true; // trace() in core invariants (ref-1): dropped, not appended to the engine's one shared log
			}
		});
		this.resourceTypes = fhirContext.getResourceTypes();
		this.compiled = new Compiled(conformanceResources.version());
	}

	/**
	 * Whether the resource is proven free of validation errors against base R4, the one profile it
	 * declares, and the profile the server requires of its type (null: none).
	 */
	boolean provenValid(IBaseResource resource, String requiredProfile) {
		if (!(resource instanceof Resource parsed) || VALIDATOR_RULED_TYPES.contains(parsed.fhirType())) {
			return false;
		}
		try {
			new Proof(current(), parsed, parsed).resource(requiredProfile);
			return true;
		} catch (RuntimeException | StackOverflowError undecided) {
			// an Undecided, data the proof did not expect, or a value whose format pattern recurses past the stack
			// (as the validator's own match does, which it reports as an error): the validator's to judge
			return false;
		}
	}

	private Compiled current() {
		Compiled now = compiled;
		long version = conformanceResources.version();
		if (now.version != version) {
			now = new Compiled(version);
			compiled = now;
		}
		return now;
	}

	/** Leaves the decision to the instance validator. Thrown without a stack trace: it is not a failure. */
	private static final class Undecided extends RuntimeException {
		private static final Undecided INSTANCE = new Undecided();

		private Undecided() {
			super(null, null, false, false);
		}
	}

	private static void decidedOnlyIf(boolean condition) {
		if (!condition) {
			throw Undecided.INSTANCE;
		}
	}

	/** A StructureDefinition's snapshot, its elements by id and by parent. */
	private record Definitions(StructureDefinition definition, Map<String, ElementDefinition> byId,
			Map<String, List<ElementDefinition>> children, Map<String, List<ElementDefinition>> slices) {

		static Definitions of(StructureDefinition definition) {
			Map<String, ElementDefinition> byId = new HashMap<>();
			Map<String, List<ElementDefinition>> children = new HashMap<>();
			Map<String, List<ElementDefinition>> slices = new HashMap<>();
			for (ElementDefinition element : definition.getSnapshot().getElement()) {
				String id = element.getId();
				byId.put(id, element);
				int dot = id.lastIndexOf('.');
				int colon = id.lastIndexOf(':');
				if (colon > dot) {
					slices.computeIfAbsent(id.substring(0, colon), key -> new ArrayList<>()).add(element);
				} else if (dot > 0) {
					children.computeIfAbsent(id.substring(0, dot), key -> new ArrayList<>()).add(element);
				}
			}
			return new Definitions(definition, byId, children, slices);
		}

		ElementDefinition root() {
			return byId.get(definition.getType());
		}
	}

	/** What was read from the conformance resources of one version: dropped when they change. */
	private final class Compiled {
		final long version;
		final Map<String, Definitions> definitions = new ConcurrentHashMap<>();
		final Map<String, Optional<Pattern>> formats = new ConcurrentHashMap<>();
		final Map<String, Optional<ExpressionNode>> invariants = new ConcurrentHashMap<>();

		Compiled(long version) {
			this.version = version;
		}

		/** The snapshot of a StructureDefinition the server holds; only those are remembered, not a client's unknown URLs. */
		Definitions definitions(String url) {
			Definitions known = definitions.get(url);
			if (known == null) {
				IBaseResource found = support.fetchStructureDefinition(url);
				decidedOnlyIf(found instanceof StructureDefinition definition && definition.hasSnapshot());
				known = Definitions.of((StructureDefinition) found);
				definitions.put(url, known);
			}
			return known;
		}

		/** The format a primitive type's value must match, from its definition's regex extension. */
		Optional<Pattern> format(String type) {
			return formats.computeIfAbsent(type, key -> {
				ElementDefinition value = definitions(CORE + key).byId.get(key + ".value");
				return value == null || !value.hasType() || !value.getTypeFirstRep().hasExtension(ExtensionDefinitions.EXT_REGEX)
						? Optional.empty()
						: Optional.of(Pattern.compile(FHIRPathExpressionFixer.fixRegex(value.getTypeFirstRep().getExtensionString(ExtensionDefinitions.EXT_REGEX))));
			});
		}

		ExpressionNode invariant(String expression) {
			return invariants.computeIfAbsent(expression, key -> {
				try {
					return UNDECIDABLE_INVARIANT.matcher(key).find() ? Optional.empty() : Optional.of(fhirPath.parse(key));
				} catch (RuntimeException unparseable) {
					return Optional.empty();
				}
			}).orElseThrow(() -> Undecided.INSTANCE);
		}

		/**
		 * Whether the server's terminology accepts the code (in the value set, when one is named) as
		 * the validator would, without an error. A display other than the code system's is the
		 * chain's to rate (a warning, as HAPI configures it); the validator never raises that rating.
		 * Not remembered here: the chain caches its answers, within bounds, and a client's codes are
		 * unbounded.
		 */
		boolean codeValid(String system, String code, String display, String valueSet) {
			ValidationSupportContext context = new ValidationSupportContext(support);
			if (valueSet == null && !support.isCodeSystemSupported(context, system)) {
				return true; // the validator can only warn that it cannot check a code in a code system the server does not hold
			}
			ConceptValidationOptions options = new ConceptValidationOptions().setInferSystem(system == null);
			CodeValidationResult result = support.validateCode(context, options, system, code, display, valueSet);
			return result != null && result.isOk() && result.getSeverity() != IValidationSupport.IssueSeverity.ERROR
					&& result.getSeverity() != IValidationSupport.IssueSeverity.FATAL;
		}
	}

	/** One resource's proof; throws {@link Undecided} at the first thing it cannot prove. */
	private final class Proof {
		private final Compiled compiled;
		/** The resource proven: the one written, or one it contains. */
		private final Resource resource;
		/** The resource written, whose contained resources a local reference ({@code #id}) names. */
		private final Resource container;
		/** The ids of the contained resources the written resource's own elements reference. */
		private final Set<String> referencedContained = new HashSet<>();

		Proof(Compiled compiled, Resource resource, Resource container) {
			this.compiled = compiled;
			this.resource = resource;
			this.container = container;
		}

		void resource(String requiredProfile) {
			String type = resource.fhirType();
			// A profile the server does not hold is only warned of, as the validator's caller does (ReusedInstanceValidator);
			// a canonical must still be an absolute URL.
			List<String> declared = resource.getMeta().getProfile().stream().map(PrimitiveType::getValue).toList();
			decidedOnlyIf(declared.stream().allMatch(url -> url != null && ABSOLUTE_URL.matcher(url).matches()));
			declared = declared.stream().filter(url -> support.fetchStructureDefinition(url) != null).toList();
			decidedOnlyIf(declared.size() <= 1 && (requiredProfile == null || declared.isEmpty()
					|| declared.get(0).equals(requiredProfile)));
			String profile = requiredProfile != null ? requiredProfile : declared.isEmpty() ? CORE + type : declared.get(0);
			Definitions definitions = compiled.definitions(profile);
			decidedOnlyIf(definitions.definition.getType().equals(type));
			decidedOnlyIf(!resource.hasIdElement() || RESOURCE_ID.matcher(resource.getIdElement().getIdPart()).matches());
			invariants(definitions.root(), resource);
			children(definitions, type, resource);
			// dom-3, which the validator enforces in code rather than by its expression (InstanceValidator.checkContainedReferences)
			decidedOnlyIf(!(resource instanceof DomainResource domain)
					|| domain.getContained().stream().allMatch(contained -> referencedContained.contains(contained.getIdPart())));
		}

		/**
		 * The written resource's contained resources, each proven against its type's base definition
		 * as the validator checks them (InstanceValidator.validateContains): each with an id of its
		 * own, none with a meta or contained resources of its own (dom-2, dom-4, dom-5).
		 */
		private void contained(List<Base> values) {
			decidedOnlyIf(resource == container);
			Set<String> ids = new HashSet<>();
			for (Base value : values) {
				decidedOnlyIf(value instanceof DomainResource contained && !VALIDATOR_RULED_TYPES.contains(contained.fhirType())
						&& contained.hasIdElement() && ids.add(contained.getIdPart()) && !contained.hasMeta());
				new Proof(compiled, (Resource) value, container).resource(null);
			}
		}

		/** The children of a complex value, against the definitions of the element with this id. */
		private void children(Definitions definitions, String id, Base value) {
			Map<String, Integer> counts = new HashMap<>();
			for (Property property : value.children()) {
				List<Base> values = nonEmpty(property.getValues());
				String name = property.getName();
				if (values.isEmpty() || (name.equals("id") && value == resource)) {
					continue;
				}
				decidedOnlyIf(!name.equals("modifierExtension") && !name.equals("id") && (value != resource
						|| !name.equals("text") && !name.equals("implicitRules")));
				ElementDefinition element = definitions.byId.get(id + "." + name);
				decidedOnlyIf(element != null && values.size() <= max(element));
				counts.put(name, values.size());
				if (name.equals("extension")) {
					extensions(definitions, id, element, values);
				} else if (value instanceof Meta && name.equals("profile")) {
					continue; // the profile the resource is checked against, chosen above
				} else if (value == resource && name.equals("contained")) {
					contained(values);
				} else if (element.hasSlicing()) {
					sliced(definitions, id + "." + name, element, values);
				} else {
					for (Base child : values) {
						element(definitions, id + "." + name, element, child);
					}
				}
			}
			for (ElementDefinition child : definitions.children.getOrDefault(id, List.of())) {
				decidedOnlyIf(counts.getOrDefault(child.getId().substring(id.length() + 1), 0) >= child.getMin());
			}
		}

		/** One value of an element: its type, format, fixed value, pattern, binding and invariants, then its children. */
		private void element(Definitions definitions, String id, ElementDefinition element, Base value) {
			String type = value.fhirType();
			if (element.getType().size() > 1 || element.getPath().endsWith("[x]")) {
				decidedOnlyIf(element.getType().stream().anyMatch(allowed -> allowed.getCode().equals(type)));
			}
			decidedOnlyIf(!element.hasFixed() || fixed(element.getFixed(), value));
			decidedOnlyIf(!element.hasPattern() || matches(element.getPattern(), value));
			if (element.hasMaxLength() && value.isPrimitive()) {
				decidedOnlyIf(value.primitiveValue().length() <= element.getMaxLength());
			}
			binding(element, value);
			invariants(element, value);
			if (value.isPrimitive()) {
				primitive(type, element, value);
				return;
			}
			decidedOnlyIf(!type.equals("Narrative") && !(value instanceof Resource));
			if (value instanceof Attachment attachment) {
				// InstanceValidator.checkAttachment reads and measures the content for a size, a hash or a maximum size
				decidedOnlyIf(!attachment.hasSize() && !attachment.hasHash() && !element.hasExtension(ExtensionDefinitions.EXT_MAX_SIZE));
			}
			if (value instanceof Reference reference) {
				reference(element, reference);
			} else if (value instanceof Coding coding) {
				decidedOnlyIf(!coding.hasVersion() && coding.hasSystem() && coding.hasCode()
						&& compiled.codeValid(coding.getSystem(), coding.getCode(), coding.getDisplay(), null));
			} else if (value instanceof Identifier identifier) {
				// InstanceValidator.checkIdentifier
				decidedOnlyIf(!identifier.hasSystem() || IDENTIFIER_SYSTEM.matcher(identifier.getSystem()).lookingAt()
						&& !identifier.getSystem().equals(UUID_IDENTIFIER) && (!identifier.getSystem().equals(URI_IDENTIFIER)
								|| !identifier.hasValue() || ABSOLUTE_URL.matcher(identifier.getValue()).matches()));
			} else if (value instanceof Quantity quantity) {
				decidedOnlyIf(!quantity.hasCode() && !quantity.hasSystem() || quantity.hasCode() && quantity.hasSystem()
						&& compiled.codeValid(quantity.getSystem(), quantity.getCode(), null, null));
			}
			boolean backbone = element.getType().stream().anyMatch(allowed -> allowed.getCode().equals("BackboneElement")
					|| allowed.getCode().equals("Element"));
			if (definitions.children.containsKey(id)) {
				if (!backbone) {
					invariants(datatype(element, type).root(), value);
				}
				children(definitions, id, value);
			} else if (element.hasContentReference()) {
				children(definitions, element.getContentReference().substring(1), value);
			} else {
				decidedOnlyIf(!backbone);
				Definitions datatype = datatype(element, type);
				invariants(datatype.root(), value);
				children(datatype, datatype.definition.getType(), value);
			}
		}

		/** The definitions a value of this type is checked against: its type's, or the profile of it the element names. */
		private Definitions datatype(ElementDefinition element, String type) {
			List<String> profiles = element.getType().stream().filter(allowed -> allowed.getCode().equals(type))
					.flatMap(allowed -> allowed.getProfile().stream()).map(PrimitiveType::getValue).toList();
			decidedOnlyIf(profiles.size() <= 1);
			return compiled.definitions(profiles.isEmpty() ? CORE + type : profiles.get(0));
		}

		/** The validator's rules for a primitive's value (InstanceValidator.checkPrimitive), those that can refuse it. */
		private void primitive(String type, ElementDefinition element, Base value) {
			PrimitiveType<?> primitive = (PrimitiveType<?>) value;
			decidedOnlyIf(!primitive.hasExtension() && primitive.getId() == null && primitive.hasValue()
					&& CHECKED_PRIMITIVES.contains(type) && !element.hasMinValue() && !element.hasMaxValue()
					&& element.getExtension().stream().noneMatch(extension -> PRIMITIVE_RULE_EXTENSIONS.contains(extension.getUrl())));
			String text = primitive.getValueAsString();
			decidedOnlyIf(!text.isBlank() && text.length() <= MAX_STRING && !UnicodeUtilities.hasBiDiChars(text));
			if (!type.equals("base64Binary")) { // the validator checks it as base64 below, not by its type's pattern, which recurses per character
				compiled.format(type).ifPresent(format -> decidedOnlyIf(format.matcher(text).matches()));
			}
			switch (type) {
				case "uri", "url" -> decidedOnlyIf(text.chars().noneMatch(Character::isWhitespace)
						&& !text.startsWith("oid:") && !text.startsWith("uuid:") && !text.startsWith("urn:oid:")
						&& !text.startsWith("urn:uuid:"));
				case "dateTime" -> decidedOnlyIf(DATE_TIME.matcher(text).matches() && (!text.contains("T")
						|| text.endsWith("Z") || TIME_ZONE_OFFSET.matcher(text).find()) && parses(() -> new DateTimeType(text)));
				case "date" -> decidedOnlyIf(DATE.matcher(text).matches() && parses(() -> new DateType(text)));
				case "instant" -> decidedOnlyIf(INSTANT.matcher(text).matches() && parses(() -> new InstantType(text)));
				case "time" -> decidedOnlyIf(TIME.matcher(text).matches() && parses(() -> new TimeType(text)));
				case "integer" -> decidedOnlyIf(Utilities.isInteger(text));
				case "unsignedInt" -> decidedOnlyIf(Utilities.isInteger(text) && Integer.parseInt(text) >= 0);
				case "positiveInt" -> decidedOnlyIf(Utilities.isInteger(text) && Integer.parseInt(text) > 0);
				case "decimal" -> decidedOnlyIf(Utilities.checkDecimal(text, true, false) == DecimalStatus.OK);
				case "boolean" -> decidedOnlyIf(text.equals("true") || text.equals("false"));
				case "code" -> decidedOnlyIf(CODE.matcher(text).matches());
				// and an attachment's data must decode strictly (InstanceValidator.checkAttachment)
				case "base64Binary" -> decidedOnlyIf(Base64Util.isValidBase64(text) && parses(() -> Base64.getDecoder().decode(text)));
				default -> { } // string, markdown, id: their format and length, above
			}
		}

		private boolean parses(Runnable construction) {
			try {
				construction.run();
				return true;
			} catch (RuntimeException invalid) {
				return false;
			}
		}

		/**
		 * A required binding holds when a coding (or the code) is in the value set. An extensible one
		 * without a maximum value set only warns when none is: each coding is still checked in its code
		 * system where the coding itself is checked.
		 */
		private void binding(ElementDefinition element, Base value) {
			if (!element.hasBinding() || !element.getBinding().hasValueSet()) {
				return;
			}
			BindingStrength strength = element.getBinding().getStrength();
			if (strength == BindingStrength.EXTENSIBLE && !element.getBinding().hasExtension(MAX_VALUE_SET)
					&& (value instanceof CodeableConcept || value instanceof Coding)) {
				return;
			}
			if (strength != BindingStrength.REQUIRED && strength != BindingStrength.EXTENSIBLE) {
				return;
			}
			String valueSet = element.getBinding().getValueSet();
			if (value instanceof CodeableConcept concept) {
				decidedOnlyIf(concept.getCoding().stream().anyMatch(coding -> coding.hasSystem() && coding.hasCode()
						&& compiled.codeValid(coding.getSystem(), coding.getCode(), coding.getDisplay(), valueSet)));
			} else if (value instanceof Coding coding) {
				decidedOnlyIf(coding.hasSystem() && coding.hasCode()
						&& compiled.codeValid(coding.getSystem(), coding.getCode(), coding.getDisplay(), valueSet));
			} else {
				decidedOnlyIf(value.fhirType().equals("code")
						&& compiled.codeValid(null, value.primitiveValue(), null, valueSet));
			}
		}

		private void invariants(ElementDefinition element, Base value) {
			for (ElementDefinition.ElementDefinitionConstraintComponent invariant : element.getConstraint()) {
				// ele-1 holds of every value HAPI encodes. The dom- invariants are about contained resources: dom-3 the
				// validator checks in code, as the proof does; dom-2, dom-4 and dom-5 hold of every contained resource it proves.
				if (invariant.getSeverity() == ConstraintSeverity.ERROR && !invariant.getKey().equals("ele-1")
						&& !(invariant.hasExpression() && invariant.getExpression().startsWith("contained."))) {
					decidedOnlyIf(invariant.hasExpression());
					ExpressionNode expression = compiled.invariant(
							FHIRPathExpressionFixer.fixExpr(invariant.getExpression(), invariant.getKey(), "4.0.1"));
					decidedOnlyIf(fhirPath.evaluateToBoolean(null, resource, container, value, expression));
				}
			}
		}

		/**
		 * A literal reference: relative, to a type its element allows; to another entry of the
		 * transaction being written; or conditional, a search for its target. The validator resolves
		 * none of them (HAPI's policy advisor ignores references) and checks a conditional one's
		 * search only for its form, so one that must be contained or bundled (an aggregation rule) is
		 * left to it.
		 */
		private void reference(ElementDefinition element, Reference reference) {
			decidedOnlyIf(!reference.hasType());
			if (!reference.hasReference()) {
				return;
			}
			List<String> targets = element.getType().stream().filter(type -> type.getCode().equals("Reference"))
					.flatMap(type -> type.getTargetProfile().stream()).map(PrimitiveType::getValue).toList();
			if (reference.getReference().startsWith("#")) {
				containedReference(element, reference.getReference().substring(1), targets);
				return;
			}
			decidedOnlyIf(element.getType().stream().allMatch(type -> !type.hasAggregation()
					|| type.hasAggregation(AggregationMode.REFERENCED)));
			if (TRANSACTION_ENTRY_REFERENCE.matcher(reference.getReference()).matches()) {
				return;
			}
			Matcher conditional = CONDITIONAL_REFERENCE.matcher(reference.getReference());
			if (reference.getReference().length() <= CONDITIONAL_REFERENCE_MAX && conditional.matches()) {
				decidedOnlyIf(resourceTypes.contains(conditional.group(1)));
				return;
			}
			Matcher relative = RELATIVE_REFERENCE.matcher(reference.getReference());
			decidedOnlyIf(relative.matches() && resourceTypes.contains(relative.group(1)));
			decidedOnlyIf(targets.isEmpty() || targets.stream().anyMatch(target -> target.equals(CORE + "Resource")
					|| compiled.definitions(target).definition.getType().equals(relative.group(1))));
		}

		/**
		 * A reference to a contained resource of the written one. The validator checks the contained
		 * resource again against each target profile of its type; proven only where those are the
		 * base definitions it was proven against, and where no aggregation rule applies.
		 */
		private void containedReference(ElementDefinition element, String id, List<String> targets) {
			Resource target = container instanceof DomainResource domain ? domain.getContained().stream()
					.filter(contained -> id.equals(contained.getIdPart())).findFirst().orElse(null) : null;
			decidedOnlyIf(target != null && element.getType().stream().noneMatch(TypeRefComponent::hasAggregation)
					&& (targets.isEmpty() || targets.contains(CORE + "Resource")
							|| targets.contains(CORE + target.fhirType()) && targets.stream().allMatch(url -> url.startsWith(CORE))));
			if (resource == container) {
				referencedContained.add(id);
			}
		}

		/**
		 * Extensions the server holds the definitions of, used where they may be, and the slices of
		 * them: a profile's (by the extension's URL) or a complex extension's (by its parts' names).
		 */
		private void extensions(Definitions definitions, String id, ElementDefinition element, List<Base> values) {
			List<ElementDefinition> slices = definitions.slices.getOrDefault(id + ".extension", List.of());
			Map<ElementDefinition, Integer> counts = new HashMap<>();
			for (Base value : values) {
				Extension extension = (Extension) value;
				decidedOnlyIf(extension.hasUrl());
				String url = extension.getUrl();
				ElementDefinition slice = slices.stream().filter(candidate -> url.equals(candidate.getSliceName())
						|| candidate.getTypeFirstRep().getProfile().stream().anyMatch(profile -> profile.getValue().equals(url)))
						.findFirst().orElse(null);
				if (slice != null) {
					counts.merge(slice, 1, Integer::sum);
				}
				if (slice != null && url.equals(slice.getSliceName())) {
					element(definitions, slice.getId(), slice, extension);
				} else {
					decidedOnlyIf(url.contains(":") && (slice == null || !definitions.children.containsKey(slice.getId())));
					Definitions extensionDefinitions = compiled.definitions(url);
					decidedOnlyIf(usedInContext(extensionDefinitions.definition, element.getPath())
							&& !extensionDefinitions.definition.hasContextInvariant() && !extensionDefinitions.root().getIsModifier());
					element(extensionDefinitions, "Extension", extensionDefinitions.root(), extension);
				}
			}
			for (ElementDefinition slice : slices) {
				int count = counts.getOrDefault(slice, 0);
				decidedOnlyIf(count >= slice.getMin() && count <= max(slice));
			}
		}

		/** An extension used on an element its definition names as a context (the element, its type, or any). */
		private boolean usedInContext(StructureDefinition extension, String extensionPath) {
			String parentPath = extensionPath.substring(0, extensionPath.lastIndexOf('.'));
			for (StructureDefinitionContextComponent context : extension.getContext()) {
				if (context.getType() == ExtensionContextType.ELEMENT && (context.getExpression().equals(parentPath)
						|| context.getExpression().equals("Element") || !parentPath.contains(".")
						&& context.getExpression().equals(resource.fhirType()))) {
					return true;
				}
			}
			return false;
		}

		/** Slices told apart by type (of a choice) or by a pattern or fixed value of the whole element. */
		private void sliced(Definitions definitions, String id, ElementDefinition element, List<Base> values) {
			decidedOnlyIf(element.getSlicing().getDiscriminator().size() == 1);
			ElementDefinitionSlicingDiscriminatorComponent discriminator = element.getSlicing().getDiscriminatorFirstRep();
			decidedOnlyIf(discriminator.getPath().equals("$this"));
			List<ElementDefinition> slices = definitions.slices.getOrDefault(id, List.of());
			Map<ElementDefinition, Integer> counts = new HashMap<>();
			for (Base value : values) {
				List<ElementDefinition> matching = slices.stream().filter(slice -> inSlice(discriminator.getType(), slice, value)).toList();
				decidedOnlyIf(matching.size() <= 1 && (!matching.isEmpty() || element.getSlicing().getRules() != SlicingRules.CLOSED));
				if (matching.isEmpty()) {
					element(definitions, id, element, value);
				} else {
					counts.merge(matching.get(0), 1, Integer::sum);
					element(definitions, id, element, value);
					element(definitions, matching.get(0).getId(), matching.get(0), value);
				}
			}
			for (ElementDefinition slice : slices) {
				int count = counts.getOrDefault(slice, 0);
				decidedOnlyIf(count >= slice.getMin() && count <= max(slice));
			}
		}

		private boolean inSlice(DiscriminatorType discriminator, ElementDefinition slice, Base value) {
			return switch (discriminator) {
				case TYPE -> slice.getType().size() == 1 && slice.getTypeFirstRep().getCode().equals(value.fhirType());
				case PATTERN, VALUE -> {
					decidedOnlyIf(slice.hasPattern() || slice.hasFixed());
					yield slice.hasPattern() ? matches(slice.getPattern(), value) : fixed(slice.getFixed(), value);
				}
				default -> throw Undecided.INSTANCE;
			};
		}
	}

	private static boolean fixed(Base fixed, Base value) {
		return fixed.isPrimitive() ? value.isPrimitive() && fixed.primitiveValue().equals(value.primitiveValue())
				: fixed.equalsDeep(value);
	}

	/** A pattern matches a value holding at least what it holds: each of its values matched by one of the value's. */
	private static boolean matches(Base pattern, Base value) {
		if (pattern.isPrimitive()) {
			return value.isPrimitive() && pattern.primitiveValue().equals(value.primitiveValue());
		}
		for (Property property : pattern.children()) {
			for (Base wanted : nonEmpty(property.getValues())) {
				Property held = value.getNamedProperty(property.getName());
				if (held == null || held.getValues().stream().noneMatch(candidate -> matches(wanted, candidate))) {
					return false;
				}
			}
		}
		return true;
	}

	private static List<Base> nonEmpty(List<Base> values) {
		List<Base> kept = new ArrayList<>(values.size());
		for (Base value : values) {
			if (value != null && !value.isEmpty()) {
				kept.add(value);
			}
		}
		return kept;
	}

	private static int max(ElementDefinition element) {
		return element.getMax().equals("*") ? Integer.MAX_VALUE : Integer.parseInt(element.getMax());
	}
}

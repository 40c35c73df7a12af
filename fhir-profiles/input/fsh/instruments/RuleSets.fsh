// Rule sets shared by the assessment-instrument Questionnaires in this folder (instruments/).
// They are prefixed "Instr" so they cannot collide with rule sets defined elsewhere in the package.
//
// Parameters that hold free text (titles, item text, displays) are passed in [[ ]] so that commas
// and parentheses inside them survive; they must include their surrounding double quotes.
// Codes from the CaseBridge CodeSystem are written with its canonical URL
// (http://casebridge.org/fhir/CodeSystem/cb-assessment), LOINC codes with http://loinc.org.

// Questionnaire header: id, canonical url, name, title, status, subject type.
RuleSet: InstrQuestionnaire(id, name, title)
* id = "{id}"
* url = "http://casebridge.org/fhir/Questionnaire/{id}"
* name = "{name}"
* title = {title}
* status = #active
* subjectType = #Patient

// A group item (used for an instrument's lead-in text or a domain heading). Its linkId and code
// are a cb-assessment code.
RuleSet: InstrGroup(code, display, text, required)
* linkId = "{code}"
* code = http://casebridge.org/fhir/CodeSystem/cb-assessment#{code} {display}
* text = {text}
* type = #group
* required = {required}

// A single-answer choice item whose linkId is its code.
RuleSet: InstrChoice(system, code, display, text, required)
* linkId = "{code}"
* code = {system}#{code} {display}
* text = {text}
* type = #choice
* required = {required}

// An answer option that counts towards a score: the score is carried by the R4 core extension
// ordinalValue on answerOption.valueCoding.
RuleSet: InstrScoredAnswer(system, code, display, score)
* answerOption[+].valueCoding = {system}#{code} {display}
* answerOption[=].valueCoding.extension[+].url = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
* answerOption[=].valueCoding.extension[=].valueDecimal = {score}

// An answer option that is not scored.
RuleSet: InstrAnswer(system, code, display)
* answerOption[+].valueCoding = {system}#{code} {display}

// A total (or sub-total) score: read-only integer, filled in by the server or the form filler.
RuleSet: InstrTotal(system, code, display, text)
* linkId = "{code}"
* code = {system}#{code} {display}
* text = {text}
* type = #integer
* required = false
* readOnly = true

// PHQ answer list LL358-3 (PHQ-9 and GAD-7 symptom items), scored 0-3.
RuleSet: InstrPhqFrequencyAnswers
* insert InstrScoredAnswer(http://loinc.org, LA6568-5, "Not at all", 0)
* insert InstrScoredAnswer(http://loinc.org, LA6569-3, "Several days", 1)
* insert InstrScoredAnswer(http://loinc.org, LA6570-1, "More than half the days", 2)
* insert InstrScoredAnswer(http://loinc.org, LA6571-9, "Nearly every day", 3)

// PHQ "difficulty" answer list (LOINC answers of 69722-7), not scored.
RuleSet: InstrPhqDifficultyAnswers
* insert InstrAnswer(http://loinc.org, LA6572-7, "Not difficult at all")
* insert InstrAnswer(http://loinc.org, LA6573-5, "Somewhat difficult")
* insert InstrAnswer(http://loinc.org, LA6575-0, "Very difficult")
* insert InstrAnswer(http://loinc.org, LA6574-3, "Extremely difficult")

// Scoring as data (the server's one scoring engine reads these; see src/.../assessment).
//
// How a score item is computed: an SDC calculatedExpression in FHIRPath. Expressions see the
// response as %resource and may call SDC's ordinal() on an answer Coding, which gives the
// ordinalValue of the matching answerOption. FHIRPath R4 has no sum(), so totals are written
// with aggregate($this + $total, 0).
RuleSet: InstrCalculated(expression)
* extension[+].url = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
* extension[=].valueExpression.language = #text/fhirpath
* extension[=].valueExpression.expression = {expression}

// A severity band of a score item (extension cb-score-band), from low to high inclusive.
RuleSet: InstrBand(code, display, low, high)
* extension[+].url = "http://casebridge.org/fhir/StructureDefinition/cb-score-band"
* extension[=].extension[+].url = "code"
* extension[=].extension[=].valueCoding = http://casebridge.org/fhir/CodeSystem/cb-assessment#{code} {display}
* extension[=].extension[+].url = "low"
* extension[=].extension[=].valueInteger = {low}
* extension[=].extension[+].url = "high"
* extension[=].extension[=].valueInteger = {high}

// A band that applies only when a FHIRPath condition also holds (a sex-specific threshold, say).
RuleSet: InstrConditionalBand(code, display, low, high, condition)
* insert InstrBand({code}, {display}, {low}, {high})
* extension[=].extension[+].url = "condition"
* extension[=].extension[=].valueExpression.language = #text/fhirpath
* extension[=].extension[=].valueExpression.expression = {condition}

// A need the instrument identifies when a FHIRPath condition holds (extension cb-need-rule,
// on the Questionnaire). %resource is the response with its calculated scores filled in.
RuleSet: InstrNeed(code, display, category, condition)
* extension[+].url = "http://casebridge.org/fhir/StructureDefinition/cb-need-rule"
* extension[=].extension[+].url = "condition"
* extension[=].extension[=].valueExpression.language = #text/fhirpath
* extension[=].extension[=].valueExpression.expression = {condition}
* extension[=].extension[+].url = "code"
* extension[=].extension[=].valueCoding = http://casebridge.org/fhir/CodeSystem/cb-assessment#{code} {display}
* extension[=].extension[+].url = "category"
* extension[=].extension[=].valueCoding = http://casebridge.org/fhir/CodeSystem/cb-service-category#{category}

// An item whose answers extraction records as Observations (SDC observation-based extraction).
RuleSet: InstrExtract
* extension[+].url = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract"
* extension[=].valueBoolean = true

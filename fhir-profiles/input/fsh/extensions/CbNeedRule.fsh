// SDC's observation-based extraction has no element for "this answer pattern is a positive
// screen"; this extension declares, per instrument, which needs a response identifies.
Extension: CbNeedRule
Id: cb-need-rule
Title: "CaseBridge Need Rule"
Description: "A need that a response to this Questionnaire identifies when a FHIRPath condition holds: extraction records it as a need Condition (cb-need) with the given code, in the given service category, with the response as evidence. %resource is the response with its calculated scores filled in."
Context: Questionnaire
* ^status = #active
* extension contains condition 1..1 and code 1..1 and category 1..1
* extension[condition] ^short = "FHIRPath (text/fhirpath) that is true when the need is present"
* extension[condition].value[x] only Expression
* extension[code] ^short = "What the need is (Condition.code)"
* extension[code].value[x] only Coding
* extension[category] ^short = "The service category the need falls in (Condition.category)"
* extension[category].value[x] only Coding
* extension[category].valueCoding from http://casebridge.org/fhir/ValueSet/cb-service-category (required)

// SDC says how a score is computed (calculatedExpression) but has no element for what a score
// means. This extension puts an instrument's published severity bands next to its score item, so
// that the one scoring engine can interpret every instrument from its Questionnaire alone.
Extension: CbScoreBand
Id: cb-score-band
Title: "CaseBridge Score Band"
Description: "A band of a calculated score item: the score range (low and high, both inclusive; either may be absent), an optional FHIRPath condition that must also hold (for a sex-specific threshold, say), and the interpretation that a score in the band gets. Bands are tried in order; the first that matches applies."
Context: Questionnaire.item
* ^status = #active
* extension contains code 1..1 and low 0..1 and high 0..1 and condition 0..1
* extension[code] ^short = "The interpretation of a score in this band (Observation.interpretation)"
* extension[code].value[x] only Coding
* extension[low] ^short = "Lowest score in the band (inclusive)"
* extension[low].value[x] only integer
* extension[high] ^short = "Highest score in the band (inclusive)"
* extension[high].value[x] only integer
* extension[condition] ^short = "FHIRPath (text/fhirpath) that must also be true; %resource is the scored response"
* extension[condition].value[x] only Expression

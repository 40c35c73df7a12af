// Follows the SDOHCC / US Core survey Observation: category survey, and derivedFrom the response.
Profile: CbScore
Parent: Observation
Id: cb-score
Title: "CaseBridge Assessment Score"
Description: "A score computed from an assessment response, such as the PHQ-9 total score (LOINC 44261-6), or an answer extracted from one (SDC observation-based extraction)."
* ^status = #active
* status MS
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains survey 1..1 MS
* category[survey] = $obs-category#survey
* code MS
* subject 1..1 MS
* subject only Reference(Patient)
* effective[x] 1..1 MS
* effective[x] only dateTime
* value[x] 1..1 MS
* value[x] only integer or Quantity or CodeableConcept or boolean or string or dateTime or time
* interpretation MS
* derivedFrom 1..* MS
* derivedFrom only Reference(QuestionnaireResponse or Observation)

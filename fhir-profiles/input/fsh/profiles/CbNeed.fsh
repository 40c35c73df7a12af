// SDOHCC Condition shape: a health concern in an SDOH (or clinical) domain, with the screening
// that identified it as evidence.
Profile: CbNeed
Parent: Condition
Id: cb-need
Title: "CaseBridge Identified Need"
Description: "A need identified by an assessment, such as housing instability, in one of the CaseBridge service categories."
* ^status = #active
* obeys cb-need-1
* clinicalStatus 1..1 MS
* verificationStatus MS
* category 1..* MS
* code 1..1 MS
* subject 1..1 MS
* subject only Reference(Patient)
* onset[x] MS
* recordedDate MS
* asserter MS
* evidence MS
* evidence.detail MS
* evidence.detail only Reference(QuestionnaireResponse or Observation)

Invariant: cb-need-1
Description: "A need names its domain: a category from the CaseBridge service categories (http://casebridge.org/fhir/CodeSystem/cb-service-category)."
Expression: "category.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-service-category').exists()"
Severity: #error

// SDOHCC ServiceRequest shape: intent order, category, code, subject, requester, performer,
// authoredOn and the reason; CaseBridge adds that a referral is based on the care plan.
Profile: CbReferral
Parent: ServiceRequest
Id: cb-referral
Title: "CaseBridge Referral"
Description: "A referral of a client to a service (housing, medical care, therapy, treatment...), made as part of their care plan."
* ^status = #active
* obeys cb-referral-1 and cb-referral-2 and cb-referral-3
* basedOn 1..* MS
* basedOn only Reference(CbCarePlan)
* status MS
* intent = #order
* intent MS
* category 1..* MS
* priority MS
* code 1..1 MS
* subject 1..1 MS
* subject only Reference(Patient)
* occurrence[x] MS
* authoredOn 1..1 MS
* requester 1..1 MS
* performer MS
* performer only Reference(Organization or HealthcareService or Practitioner or PractitionerRole or CareTeam)
* reasonCode MS
* reasonReference MS
* reasonReference only Reference(Condition or Observation)
* supportingInfo MS

Invariant: cb-referral-1
Description: "A referral names the kind of service: a category from http://casebridge.org/fhir/CodeSystem/cb-service-category."
Expression: "category.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-service-category').exists()"
Severity: #error

Invariant: cb-referral-2
Description: "A referral gives its reason: reasonCode or reasonReference."
Expression: "reasonCode.exists() or reasonReference.exists()"
Severity: #error

// A plan proposes a referral before the case manager has chosen who will provide the service:
// a draft may leave the performer open; a referral that is sent must name it.
Invariant: cb-referral-3
Description: "A referral that is no longer a draft names who performs it."
Expression: "status = 'draft' or performer.exists()"
Severity: #error

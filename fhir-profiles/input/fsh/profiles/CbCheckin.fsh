Profile: CbCheckin
Parent: Encounter
Id: cb-checkin
Title: "CaseBridge Check-in"
Description: "A case-management contact with a client: in person, by phone, by video or at home."
* ^status = #active
* obeys cb-checkin-1
* status MS
* class MS
* type 1..* MS
* subject 1..1 MS
* subject only Reference(Patient)
* episodeOfCare MS
* basedOn MS
* participant 1..* MS
* participant.individual 1..1 MS
* period 1..1 MS
* period.start 1..1 MS
* reasonCode MS
* reasonReference MS

Invariant: cb-checkin-1
Description: "A check-in records how the contact took place: a type from http://casebridge.org/fhir/CodeSystem/cb-contact-mode."
Expression: "type.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-contact-mode').exists()"
Severity: #error

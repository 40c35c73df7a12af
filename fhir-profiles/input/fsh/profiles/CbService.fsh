// SDOHCC HealthcareService shape for a community service directory, with the service's current
// capacity (whether it can take referrals) as an extension.
Profile: CbService
Parent: HealthcareService
Id: cb-service
Title: "CaseBridge Community Service"
Description: "A service clients can be referred to, in one or more CaseBridge service categories, with its current capacity."
* ^status = #active
* obeys cb-service-1
* extension contains CbServiceCapacity named capacity 0..1 MS
* active 1..1 MS
* providedBy 1..1 MS
* category 1..* MS
* type MS
* specialty MS
* location MS
* name 1..1 MS
* telecom MS
* coverageArea MS
* eligibility MS
* eligibility.code from CbServiceEligibilityVS (extensible)
* communication MS
* program MS
* availableTime MS
* referralMethod MS

Invariant: cb-service-1
Description: "A service names what it offers: a category from http://casebridge.org/fhir/CodeSystem/cb-service-category."
Expression: "category.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-service-category').exists()"
Severity: #error

Extension: CbServiceCapacity
Id: cb-service-capacity
Title: "CaseBridge Service Capacity"
Description: "Whether a service can take new referrals now, and how many, as last reported by the service."
* ^context[0].type = #element
* ^context[0].expression = "HealthcareService"
* extension contains
    status 1..1 MS and
    availableSlots 0..1 MS and
    asOf 1..1 MS
* extension[status] ^short = "available | limited | waitlist | full"
* extension[status].value[x] only code
* extension[status].valueCode from CbServiceCapacityStatusVS (required)
* extension[availableSlots].value[x] only unsignedInt
* extension[asOf].value[x] only dateTime

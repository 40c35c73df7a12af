// Resources the profile examples refer to, so that the examples can be stored together.

Instance: PractitionerCaseManager
InstanceOf: Practitioner
Usage: #example
Description: "A hospital case manager (discharge planner)."
* identifier.system = "http://hl7.org/fhir/sid/us-npi"
* identifier.value = "1234567893"
* name.family = "Jones"
* name.given = "Maya"
* name.suffix = "RN"

Instance: OrganizationRiversideHospital
InstanceOf: Organization
Usage: #example
Description: "The hospital discharging the client."
* identifier.system = "http://casebridge.org/fhir/sid/example"
* identifier.value = "org-riverside"
* active = true
* name = "Riverside General Hospital"

Instance: OrganizationBayviewCounseling
InstanceOf: Organization
Usage: #example
Description: "A community mental health center."
* identifier.system = "http://casebridge.org/fhir/sid/example"
* identifier.value = "org-bayview-counseling"
* active = true
* name = "Bayview Community Counseling"

Instance: OrganizationSummitHealthPlan
InstanceOf: Organization
Usage: #example
Description: "The client's health insurer."
* identifier.system = "http://casebridge.org/fhir/sid/example"
* identifier.value = "org-summit-health-plan"
* active = true
* type = http://terminology.hl7.org/CodeSystem/organization-type#ins "Insurance Company"
* name = "Summit Health Plan"

// The four case-management programs CaseBridge serves, plus general case management.
CodeSystem: CbProgramCodes
Id: cb-program
Title: "CaseBridge Programs"
Description: "Case-management programs a client can be enrolled in (EpisodeOfCare.type, CarePlan.category)."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-program"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #discharge-planning "Discharge planning" "Transition from hospital to home or another care setting, with follow-up and readmission prevention."
* #mental-health "Mental health case management" "Coordination of care and community support for clients living with mental illness."
* #geriatric "Geriatric case management" "Care coordination for older adults: function, safety, caregivers and long-term care options."
* #substance-use "Substance use case management" "Coordination of treatment, recovery support and related needs for clients with substance use disorders."
* #general "General case management" "Case management not tied to one of the specialised programs."

ValueSet: CbProgramVS
Id: cb-program
Title: "CaseBridge Programs"
Description: "All CaseBridge case-management programs."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-program"
* ^status = #active
* include codes from system CbProgramCodes

// Who a service is for, coded so that a case manager can search the directory by it
// (HealthcareService.eligibility.code, search parameter cb-service-eligibility). R4 and SDOHCC
// leave eligibility as free text; the codes below are the criteria the sample directory's
// services state. The comment next to each code keeps the service's own wording.
CodeSystem: CbServiceEligibilityCodes
Id: cb-service-eligibility
Title: "CaseBridge Service Eligibility"
Description: "Criteria a client meets to use a community service (HealthcareService.eligibility.code)."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-service-eligibility"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #open-to-all "Open to all" "No eligibility criteria."
* #adult "Adult" "Aged 18 or over."
* #older-adult "Older adult" "Aged 60 or over."
* #disability "Disability" "Lives with a disability."
* #low-income "Low income" "Household income below the service's limit."
* #homeless-or-at-risk "Homeless or at risk" "Homeless or at risk of homelessness."
* #area-resident "Area resident" "Lives in the area the service covers."
* #medicaid "Medicaid" "Medicaid member."
* #medicare "Medicare" "Medicare beneficiary."
* #recent-discharge "Recently discharged" "Discharged from hospital in the past 30 days."
* #clinician-referral "Clinician referral" "Referred by a clinician or case manager."
* #substance-use-disorder "Substance use disorder" "Has a substance use disorder or is in recovery."
* #mental-health-condition "Mental health condition" "Receives mental health services."
* #homebound "Homebound" "Leaving home takes considerable effort."
* #needs-adl-help "Needs help with daily living" "Needs help with activities of daily living."
* #caregiver "Caregiver" "Unpaid caregiver of a family member."

ValueSet: CbServiceEligibilityVS
Id: cb-service-eligibility
Title: "CaseBridge Service Eligibility"
Description: "All CaseBridge service eligibility criteria."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-service-eligibility"
* ^status = #active
* include codes from system CbServiceEligibilityCodes

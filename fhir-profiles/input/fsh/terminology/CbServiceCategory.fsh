// Service categories for referrals and the community service directory. The SDOH domains follow
// the Gravity SDOHCC categories in spirit; CaseBridge keeps one flat list that covers clinical and
// social services alike, because a case manager refers to both.
CodeSystem: CbServiceCategoryCodes
Id: cb-service-category
Title: "CaseBridge Service Categories"
Description: "Kinds of service a client can be referred to (ServiceRequest.category, HealthcareService.category)."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-service-category"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #housing "Housing" "Shelter, housing search, rental assistance, home modification."
* #food "Food" "Food banks, meal delivery, nutrition assistance programs."
* #financial-assistance "Financial assistance" "Benefits enrolment, utility assistance, emergency funds."
* #medical-care "Medical care" "Primary care, specialist and follow-up visits."
* #mental-health-services "Mental health services" "Therapy, counselling, psychiatric care, crisis services."
* #substance-use-treatment "Substance use treatment" "Detoxification, outpatient or residential treatment, medication for addiction, recovery support."
* #transportation "Transportation" "Rides to appointments, transit passes."
* #legal-aid "Legal aid" "Legal advice and representation, benefits appeals."
* #employment "Employment" "Job search, training, vocational rehabilitation."
* #caregiver-support "Caregiver support" "Respite care, caregiver training and support groups."
* #long-term-care "Long-term care" "Assisted living, nursing facility placement, long-term care planning."
* #home-health "Home health" "Skilled nursing, therapy and aide services at home."
* #safety "Interpersonal safety" "Domestic violence and abuse services, safety planning, protective services."

ValueSet: CbServiceCategoryVS
Id: cb-service-category
Title: "CaseBridge Service Categories"
Description: "All CaseBridge service categories."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-service-category"
* ^status = #active
* include codes from system CbServiceCategoryCodes

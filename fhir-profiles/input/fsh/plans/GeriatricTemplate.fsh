// Program template: geriatric case management. PlanDefinition/$apply makes a client's CarePlan of it: goals
// carry relative due times (Duration from the plan's start) that become target.dueDate; actions
// apply when required (must) or when their applicability conditions (PlanRuleSets.fsh) hold.

Instance: GeriatricTemplate
InstanceOf: PlanDefinition
Usage: #definition
Title: "Geriatric program template"
Description: "Standard assessments, goals, referrals and check-ins of the CaseBridge geriatric case-management program."
* id = "geriatric"
* url = "http://casebridge.org/fhir/PlanDefinition/geriatric"
* name = "GeriatricTemplate"
* title = "Geriatric Case Management Program Template"
* status = #active
* type = http://terminology.hl7.org/CodeSystem/plan-definition-type#clinical-protocol "Clinical Protocol"
* description = "The standard plan for an older adult: assess daily activities (ADL and IADL) and social needs, make the home safe, put help with daily activities in place, support the family caregiver, and plan for long-term care, with a home visit every month and a phone call in between."
* purpose = "Help older adults live safely and as independently as they can, with the help they need and a plan for the future that they and their family have chosen."
* useContext[+].code = http://terminology.hl7.org/CodeSystem/usage-context-type#program "Program"
* useContext[=].valueCodeableConcept = $cb-program#geriatric "Geriatric case management"

// Goals
* goal[+].id = "daily-activities-supported"
* goal[=].description.text = "Help is in place within 30 days for every daily activity (bathing, dressing, meals, medicines, shopping) the client cannot do alone."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 30 'd' "days"

* goal[+].id = "home-safe"
* goal[=].description.text = "The home is safe within 60 days: fall hazards removed and grab bars, rails or other equipment installed where needed."
* goal[=].category = http://terminology.hl7.org/CodeSystem/goal-category#safety "Safety"
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 60 'd' "days"

* goal[+].id = "caregiver-supported"
* goal[=].description.text = "The family caregiver has respite, training or a support group within 60 days."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#medium-priority "Medium Priority"
* goal[=].target[+].due = 60 'd' "days"

* goal[+].id = "long-term-care-plan"
* goal[=].description.text = "Within 90 days, the client and family have chosen a long-term care plan (staying at home with services, assisted living or a nursing facility) and recorded the client's wishes."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#medium-priority "Medium Priority"
* goal[=].target[+].due = 90 'd' "days"

// Assessments
* action[+].id = "assess-katz-adl"
* action[=].title = "Katz ADL"
* action[=].description = "Assess independence in the basic activities of daily living (Katz index) at intake."
* insert UnlessAnsweredWithin(katz-adl, 30)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/katz-adl"
* action[=].goalId[+] = "daily-activities-supported"
* action[=].goalId[+] = "long-term-care-plan"

* action[+].id = "assess-lawton-iadl"
* action[=].title = "Lawton IADL"
* action[=].description = "Assess independence in the instrumental activities of daily living (Lawton scale) at intake."
* insert UnlessAnsweredWithin(lawton-iadl, 30)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/lawton-iadl"
* action[=].goalId[+] = "daily-activities-supported"
* action[=].goalId[+] = "long-term-care-plan"

* action[+].id = "assess-ahc-hrsn-core"
* action[=].title = "Health-related social needs screening"
* action[=].description = "Screen for housing, food, transportation, utility and safety needs (AHC HRSN core questions) at intake. A positive safety answer may point to elder abuse or neglect."
* insert UnlessAnsweredWithin(ahc-hrsn-core, 90)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/ahc-hrsn-core"
* action[=].goalId[+] = "home-safe"
* action[=].goalId[+] = "daily-activities-supported"

// Referrals
* action[+].id = "refer-home-safety"
* action[=].title = "Home safety evaluation"
* action[=].description = "Refer for a home safety evaluation (for example an occupational therapy home visit) within 30 days: falls risks, bathroom safety and equipment, followed by the modifications it recommends."
* action[=].code = $cb-service-category#home-health "Home health"
* action[=].requiredBehavior = #must
* action[=].timingDuration = 30 'd' "days"
* action[=].goalId[+] = "home-safe"

* action[+].id = "refer-home-care"
* action[=].title = "Help at home"
* action[=].description = "Refer for home care (aide, nursing or therapy at home) for the daily activities the client cannot do alone."
* action[=].code = $cb-service-category#home-health "Home health"
* action[=].requiredBehavior = #could
* insert WhenNeed(home-health)
* action[=].goalId[+] = "daily-activities-supported"

* action[+].id = "refer-meals"
* action[=].title = "Meals"
* action[=].description = "Refer to home-delivered meals or food assistance when the client cannot shop or cook, or the screening shows a food need."
* action[=].code = $cb-service-category#food "Food"
* action[=].requiredBehavior = #could
* insert WhenNeed(food)
* action[=].goalId[+] = "daily-activities-supported"

* action[+].id = "refer-caregiver-support"
* action[=].title = "Caregiver support"
* action[=].description = "Refer the family caregiver to respite care, caregiver training or a support group."
* action[=].code = $cb-service-category#caregiver-support "Caregiver support"
* action[=].requiredBehavior = #must
* action[=].goalId[+] = "caregiver-supported"

* action[+].id = "refer-long-term-care-options"
* action[=].title = "Long-term care options"
* action[=].description = "Go through the long-term care options with the client and family (services at home, assisted living, nursing facility), including costs and coverage, and record the client's wishes."
* action[=].code = $cb-service-category#long-term-care "Long-term care"
* action[=].requiredBehavior = #must
* action[=].goalId[+] = "long-term-care-plan"

* insert SocialNeedReferral(refer-housing, housing, "Housing", Housing, [[Refer to housing services or home modification when the screening shows the client is at risk of losing their home or it is unsafe.]], home-safe)
* insert SocialNeedReferral(refer-transportation, transportation, "Transportation", Transportation, [[Arrange rides or a transit pass when the screening shows the client cannot get to appointments.]], daily-activities-supported)
* insert SocialNeedReferral(refer-financial-assistance, financial-assistance, "Financial assistance", Benefits and utility assistance, [[Help the client apply for benefits or utility assistance when the screening shows a utility shut-off or risk of one.]], home-safe)
* insert SocialNeedReferral(refer-safety, safety, "Interpersonal safety", Interpersonal safety, [[Refer to adult protective and domestic violence services when the screening shows the client is not safe at home.]], home-safe)

// Check-ins
* action[+].id = "checkin-monthly-home-visit"
* action[=].title = "Monthly home visit"
* action[=].description = "Visit the client at home every month: function, safety, caregiver strain and open referrals."
* action[=].code = $cb-contact-mode#home-visit "Home visit"
* action[=].requiredBehavior = #must
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 30
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "home-safe"
* action[=].goalId[+] = "daily-activities-supported"
* action[=].goalId[+] = "caregiver-supported"

* action[+].id = "checkin-phone"
* action[=].title = "Phone check-in every 2 weeks"
* action[=].description = "Call the client or caregiver every 2 weeks between home visits."
* action[=].code = $cb-contact-mode#phone "Phone"
* action[=].requiredBehavior = #could
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 14
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "daily-activities-supported"
* action[=].goalId[+] = "caregiver-supported"

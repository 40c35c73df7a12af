// Program template: discharge planning. PlanDefinition/$apply makes a client's CarePlan of it: goals
// carry relative due times (Duration from the plan's start) that become target.dueDate; actions
// apply when required (must) or when their applicability conditions (PlanRuleSets.fsh) hold.
//
// Timelines (practice conventions, not checked against a source here): CMS Transitional Care
// Management asks for an interactive contact within 2 business days of discharge and a face-to-face
// visit within 7 (high complexity) or 14 days; readmission is usually measured over 30 days (the
// LACE index predicts death or unplanned readmission within 30 days). The standard post-discharge
// call is within 3 days (2 business days, over a weekend); a client at high risk of readmission
// (LACE 10 or more) is called within 48 hours and then every week for 30 days.

Instance: DischargePlanningTemplate
InstanceOf: PlanDefinition
Usage: #definition
Title: "Discharge planning program template"
Description: "Standard assessments, goals, referrals and check-ins of the CaseBridge discharge planning program."
* id = "discharge-planning"
* url = "http://casebridge.org/fhir/PlanDefinition/discharge-planning"
* name = "DischargePlanningTemplate"
* title = "Discharge Planning Program Template"
* status = #active
* type = http://terminology.hl7.org/CodeSystem/plan-definition-type#clinical-protocol "Clinical Protocol"
* description = "The standard plan for a client leaving hospital: assess the risk of readmission and the client's social needs, see a clinician within 7 days of discharge, put help at home in place, and stay in touch for the first 30 days."
* purpose = "Help clients get home safely after a hospital stay and avoid going back to hospital in the first 30 days."
* useContext[+].code = http://terminology.hl7.org/CodeSystem/usage-context-type#program "Program"
* useContext[=].valueCodeableConcept = $cb-program#discharge-planning "Discharge planning"

// Goals
* goal[+].id = "follow-up-visit"
* goal[=].description.text = "Attend a follow-up visit with a primary care or specialist clinician within 7 days of discharge."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 7 'd' "days"

* goal[+].id = "safe-at-home"
* goal[=].description.text = "Be safe at home: home health, equipment, food, medicines and transport that the client needs are in place."
* goal[=].category = http://terminology.hl7.org/CodeSystem/goal-category#safety "Safety"
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 14 'd' "days"

* goal[+].id = "no-readmission"
* goal[=].description.text = "No unplanned hospital readmission or emergency department visit within 30 days of discharge."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 30 'd' "days"

// Assessments
* action[+].id = "assess-lace-index"
* action[=].title = "LACE index"
* action[=].description = "Score the risk of readmission (LACE index) before discharge. A score of 10 or more means high risk: follow up more closely."
* insert UnlessAnsweredWithin(lace-index, 7)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/lace-index"
* action[=].goalId[+] = "no-readmission"

* action[+].id = "assess-ahc-hrsn-core"
* action[=].title = "Health-related social needs screening"
* action[=].description = "Screen for housing, food, transportation, utility and safety needs (AHC HRSN core questions) before discharge."
* insert UnlessAnsweredWithin(ahc-hrsn-core, 90)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/ahc-hrsn-core"
* action[=].goalId[+] = "safe-at-home"
* action[=].goalId[+] = "no-readmission"

// Referrals
* action[+].id = "refer-follow-up-visit"
* action[=].title = "Follow-up visit within 7 days"
* action[=].description = "Book a follow-up visit with the client's primary care or specialist clinician within 7 days of discharge, and make sure the clinician has the discharge summary."
* action[=].reason.text = "Transitional care after a hospital stay: a clinician sees the client within 7 days of discharge."
* action[=].code = $cb-service-category#medical-care "Medical care"
* action[=].requiredBehavior = #must
* action[=].timingDuration = 7 'd' "days"
* action[=].goalId[+] = "follow-up-visit"
* action[=].goalId[+] = "no-readmission"

* action[+].id = "refer-home-health"
* action[=].title = "Home health"
* action[=].description = "Refer to home health (skilled nursing, therapy, aide) when the client needs care or help at home after discharge."
* action[=].code = $cb-service-category#home-health "Home health"
* action[=].requiredBehavior = #could
* insert WhenNeed(home-health)
* action[=].goalId[+] = "safe-at-home"
* action[=].goalId[+] = "no-readmission"

* action[+].id = "refer-transportation"
* action[=].title = "Transport to the follow-up visit"
* action[=].description = "Arrange a ride to the follow-up visit and other appointments when the client has no way to get there."
* action[=].code = $cb-service-category#transportation "Transportation"
* action[=].requiredBehavior = #could
* insert WhenNeed(transportation)
* action[=].goalId[+] = "follow-up-visit"

* action[+].id = "refer-food"
* action[=].title = "Food and meals"
* action[=].description = "Refer to meal delivery or food assistance when the screening shows the client cannot get enough food after discharge."
* action[=].code = $cb-service-category#food "Food"
* action[=].requiredBehavior = #could
* insert WhenNeed(food)
* action[=].goalId[+] = "safe-at-home"

* insert SocialNeedReferral(refer-housing, housing, "Housing", Housing, [[Refer to housing services when the screening shows the client has no safe place to go home to, or is at risk of losing it.]], safe-at-home)
* insert SocialNeedReferral(refer-utility-assistance, financial-assistance, "Financial assistance", Utility assistance, [[Refer for utility assistance when the screening shows the client's electricity, gas, water or heating has been or may be shut off.]], safe-at-home)
* insert SocialNeedReferral(refer-safety, safety, "Interpersonal safety", Interpersonal safety, [[Refer to domestic violence and protective services when the screening shows the client is not safe at home.]], safe-at-home)

// Check-ins
* action[+].id = "checkin-post-discharge-call"
* action[=].title = "Post-discharge phone call within 3 days"
* action[=].description = "Call the client within 3 days of discharge: check symptoms, medicines and the discharge instructions, and confirm the follow-up visit."
* action[=].code = $cb-contact-mode#phone "Phone"
* action[=].requiredBehavior = #could
* insert ApplicableWhen([["The client is not at high risk of readmission: no LACE index of 10 or more."]], [["%scores.where(code.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-assessment' and code = 'lace-total').exists() and value >= 10).empty()"]])
* action[=].timingDuration = 3 'd' "days"
* action[=].goalId[+] = "follow-up-visit"
* action[=].goalId[+] = "no-readmission"

* action[+].id = "checkin-post-discharge-call-high-risk"
* action[=].title = "Post-discharge phone call within 48 hours"
* action[=].description = "A client at high risk of readmission: call within 48 hours of discharge, check symptoms, medicines and the discharge instructions, and confirm the follow-up visit."
* action[=].code = $cb-contact-mode#phone "Phone"
* action[=].requiredBehavior = #could
* insert WhenScore([["High risk of readmission: LACE index 10 or more."]], http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-total, [[>= 10]])
* action[=].timingDuration = 48 'h' "hours"
* action[=].goalId[+] = "follow-up-visit"
* action[=].goalId[+] = "no-readmission"

* action[+].id = "checkin-weekly-call"
* action[=].title = "Weekly phone call for 30 days"
* action[=].description = "A client at high risk of readmission: call every week for the first 30 days after discharge about new symptoms, medicines, appointments and help at home."
* action[=].code = $cb-contact-mode#phone "Phone"
* action[=].requiredBehavior = #could
* insert WhenScore([["High risk of readmission: LACE index 10 or more."]], http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-total, [[>= 10]])
* action[=].timingTiming.repeat.boundsDuration = 30 'd' "days"
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 7
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "safe-at-home"
* action[=].goalId[+] = "no-readmission"

* action[+].id = "checkin-30-days"
* action[=].title = "Check-in at 30 days"
* action[=].description = "Check in with the client 30 days after discharge, at the end of the readmission window: symptoms, appointments kept, help at home, and whether the plan can close."
* action[=].requiredBehavior = #must
* action[=].timingDuration = 30 'd' "days"
* action[=].goalId[+] = "safe-at-home"
* action[=].goalId[+] = "no-readmission"

// Program template: general case management. PlanDefinition/$apply makes a client's CarePlan of it: goals
// carry relative due times (Duration from the plan's start) that become target.dueDate; actions
// apply when required (must) or when their applicability conditions (PlanRuleSets.fsh) hold.

Instance: GeneralCaseManagementTemplate
InstanceOf: PlanDefinition
Usage: #definition
Title: "General case management program template"
Description: "Standard assessments, goals, referrals and check-ins of CaseBridge general case management."
* id = "general"
* url = "http://casebridge.org/fhir/PlanDefinition/general"
* name = "GeneralCaseManagementTemplate"
* title = "General Case Management Program Template"
* status = #active
* type = http://terminology.hl7.org/CodeSystem/plan-definition-type#clinical-protocol "Clinical Protocol"
* description = "The standard plan for a client who is not in one of the specialised programs: screen for social needs, agree a plan with the client, refer each need to a service, connect the client with medical care, and check in every 2 weeks."
* purpose = "Help clients meet their health-related social needs and get to where they can manage without a case manager."
* useContext[+].code = http://terminology.hl7.org/CodeSystem/usage-context-type#program "Program"
* useContext[=].valueCodeableConcept = $cb-program#general "General case management"

// Goals
* goal[+].id = "plan-agreed"
* goal[=].description.text = "Social needs identified and a care plan agreed with the client within 14 days."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 14 'd' "days"

* goal[+].id = "needs-addressed"
* goal[=].description.text = "Each identified need referred to a service, and the referral accepted or the need resolved, within 60 days."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 60 'd' "days"

* goal[+].id = "self-management"
* goal[=].description.text = "The client has a usual source of medical care and can manage next steps without case management within 90 days."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#medium-priority "Medium Priority"
* goal[=].target[+].due = 90 'd' "days"

// Assessments
* action[+].id = "assess-ahc-hrsn-core"
* action[=].title = "Health-related social needs screening"
* action[=].description = "Screen for housing, food, transportation, utility and safety needs (AHC HRSN core questions) at intake."
* insert UnlessAnsweredWithin(ahc-hrsn-core, 90)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/ahc-hrsn-core"
* action[=].goalId[+] = "plan-agreed"

// Referrals
* action[+].id = "refer-housing"
* action[=].title = "Housing"
* action[=].description = "Refer to housing services when the screening shows the client is homeless or at risk of losing housing."
* action[=].code = $cb-service-category#housing "Housing"
* action[=].requiredBehavior = #could
* insert WhenNeed(housing)
* action[=].goalId[+] = "needs-addressed"

* action[+].id = "refer-food"
* action[=].title = "Food"
* action[=].description = "Refer to a food bank or nutrition assistance program when the screening shows a food need."
* action[=].code = $cb-service-category#food "Food"
* action[=].requiredBehavior = #could
* insert WhenNeed(food)
* action[=].goalId[+] = "needs-addressed"

* action[+].id = "refer-transportation"
* action[=].title = "Transportation"
* action[=].description = "Arrange rides or a transit pass when the screening shows transport keeps the client from appointments or daily needs."
* action[=].code = $cb-service-category#transportation "Transportation"
* action[=].requiredBehavior = #could
* insert WhenNeed(transportation)
* action[=].goalId[+] = "needs-addressed"

* action[+].id = "refer-financial-assistance"
* action[=].title = "Utilities and financial assistance"
* action[=].description = "Refer for utility assistance, benefits enrolment or emergency funds when the screening shows a utility or money need."
* action[=].code = $cb-service-category#financial-assistance "Financial assistance"
* action[=].requiredBehavior = #could
* insert WhenNeed(financial-assistance)
* action[=].goalId[+] = "needs-addressed"

* action[+].id = "refer-medical-care"
* action[=].title = "Primary care"
* action[=].description = "Connect the client with a primary care provider when they have no usual source of care."
* action[=].code = $cb-service-category#medical-care "Medical care"
* action[=].requiredBehavior = #could
* action[=].goalId[+] = "self-management"

* insert SocialNeedReferral(refer-safety, safety, "Interpersonal safety", Interpersonal safety, [[Refer to domestic violence and protective services when the screening shows the client is not safe at home.]], needs-addressed)

// Check-ins
* action[+].id = "checkin-biweekly"
* action[=].title = "Check-in every 2 weeks"
* action[=].description = "Check in with the client every 2 weeks: open referrals, new needs and progress on the plan."
* action[=].requiredBehavior = #must
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 14
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "needs-addressed"
* action[=].goalId[+] = "self-management"

// Program template: substance use case management. PlanDefinition/$apply makes a client's CarePlan of it: goals
// carry relative due times (Duration from the plan's start) that become target.dueDate; actions
// apply when required (must) or when their applicability conditions (PlanRuleSets.fsh) hold.

Instance: SubstanceUseTemplate
InstanceOf: PlanDefinition
Usage: #definition
Title: "Substance use program template"
Description: "Standard assessments, goals, referrals and check-ins of the CaseBridge substance use case-management program."
* id = "substance-use"
* url = "http://casebridge.org/fhir/PlanDefinition/substance-use"
* name = "SubstanceUseTemplate"
* title = "Substance Use Case Management Program Template"
* status = #active
* type = http://terminology.hl7.org/CodeSystem/plan-definition-type#clinical-protocol "Clinical Protocol"
* description = "The standard plan for a client with alcohol or drug use problems: screen alcohol use (AUDIT-C), drug use (DAST-10) and social needs, refer to a treatment program and a support group, help with housing and work, and check in every week, repeating the screenings at 90 days."
* purpose = "Help clients start and stay in treatment, build recovery support, and reduce or stop alcohol and drug use."
* useContext[+].code = http://terminology.hl7.org/CodeSystem/usage-context-type#program "Program"
* useContext[=].valueCodeableConcept = $cb-program#substance-use "Substance use case management"

// Goals
* goal[+].id = "in-treatment"
* goal[=].description.text = "Start a substance use treatment program (outpatient, residential or medication for addiction treatment) within 14 days."
* goal[=].category = http://terminology.hl7.org/CodeSystem/goal-category#behavioral "Behavioral"
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 14 'd' "days"

* goal[+].id = "recovery-support"
* goal[=].description.text = "Attend a recovery support group or meet a peer support specialist regularly within 30 days."
* goal[=].category = http://terminology.hl7.org/CodeSystem/goal-category#behavioral "Behavioral"
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#medium-priority "Medium Priority"
* goal[=].target[+].due = 30 'd' "days"

* goal[+].id = "reduced-use"
* goal[=].description.text = "Reduce or stop alcohol and drug use: lower AUDIT-C and DAST-10 scores at the 90-day reassessment."
* goal[=].category = http://terminology.hl7.org/CodeSystem/goal-category#behavioral "Behavioral"
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 90 'd' "days"

* goal[+].id = "stable-living"
* goal[=].description.text = "Stable, safe housing and income (work or benefits) that support recovery within 90 days."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#medium-priority "Medium Priority"
* goal[=].target[+].due = 90 'd' "days"

// Assessments
* action[+].id = "assess-audit-c"
* action[=].title = "AUDIT-C alcohol screening"
* action[=].description = "Complete the AUDIT-C at intake and every 90 days."
* insert UnlessAnsweredWithin(audit-c, 90)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/audit-c"
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 90
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "reduced-use"

* action[+].id = "assess-dast-10"
* action[=].title = "DAST-10 drug use screening"
* action[=].description = "Complete the DAST-10 at intake and every 90 days."
* insert UnlessAnsweredWithin(dast-10, 90)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/dast-10"
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 90
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "reduced-use"

* action[+].id = "assess-ahc-hrsn-core"
* action[=].title = "Health-related social needs screening"
* action[=].description = "Screen for housing, food, transportation, utility and safety needs (AHC HRSN core questions) at intake."
* insert UnlessAnsweredWithin(ahc-hrsn-core, 90)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/ahc-hrsn-core"
* action[=].goalId[+] = "stable-living"

// Referrals
* action[+].id = "refer-treatment-program"
* action[=].title = "Treatment program"
* action[=].description = "Refer to a substance use treatment program (withdrawal management, outpatient, residential or medication for addiction treatment) within 7 days, so treatment can start within 14 days."
* action[=].code = $cb-service-category#substance-use-treatment "Substance use treatment"
* action[=].requiredBehavior = #could
* insert ApplicableWhen([["Unhealthy alcohol or drug use: a positive AUDIT-C or a DAST-10 of 3 or more, recorded as an active need."]], [["%needs.where(code.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-assessment' and (code = 'need-unhealthy-alcohol-use' or code = 'need-drug-use')).exists()).exists()"]])
* action[=].timingDuration = 7 'd' "days"
* action[=].goalId[+] = "in-treatment"
* action[=].goalId[+] = "reduced-use"

* action[+].id = "refer-support-group"
* action[=].title = "Support group"
* action[=].description = "Connect the client with a recovery support group (for example a mutual-help group) or a peer support specialist."
* action[=].code = $cb-service-category#substance-use-treatment "Substance use treatment"
* action[=].requiredBehavior = #must
* action[=].goalId[+] = "recovery-support"
* action[=].goalId[+] = "reduced-use"

* action[+].id = "refer-housing"
* action[=].title = "Housing"
* action[=].description = "Refer to housing services (including recovery housing) when the screening shows the client is homeless or at risk of losing housing."
* action[=].code = $cb-service-category#housing "Housing"
* action[=].requiredBehavior = #could
* insert WhenNeed(housing)
* action[=].goalId[+] = "stable-living"

* action[+].id = "refer-employment"
* action[=].title = "Employment"
* action[=].description = "Refer to job search, training or vocational rehabilitation when the client wants to work."
* action[=].code = $cb-service-category#employment "Employment"
* action[=].requiredBehavior = #could
* action[=].goalId[+] = "stable-living"

* insert SocialNeedReferral(refer-food, food, "Food", Food, [[Refer to a food bank, meal programme or nutrition assistance when the screening shows the client cannot get enough food.]], stable-living)
* insert SocialNeedReferral(refer-transportation, transportation, "Transportation", Transportation, [[Arrange rides or a transit pass when the screening shows the client cannot get to treatment or other appointments.]], in-treatment)
* insert SocialNeedReferral(refer-financial-assistance, financial-assistance, "Financial assistance", Benefits and utility assistance, [[Help the client apply for benefits or utility assistance when the screening shows a utility shut-off or risk of one.]], stable-living)
* insert SocialNeedReferral(refer-safety, safety, "Interpersonal safety", Interpersonal safety, [[Refer to domestic violence and protective services when the screening shows the client is not safe at home.]], stable-living)

// Check-ins
* action[+].id = "checkin-weekly"
* action[=].title = "Weekly check-in"
* action[=].description = "Check in with the client every week: treatment attendance, use and cravings, support group attendance and open referrals."
* action[=].requiredBehavior = #must
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 7
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "in-treatment"
* action[=].goalId[+] = "recovery-support"
* action[=].goalId[+] = "reduced-use"

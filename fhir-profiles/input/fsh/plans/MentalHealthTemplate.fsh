// Program template: mental health case management. PlanDefinition/$apply makes a client's CarePlan of it: goals
// carry relative due times (Duration from the plan's start) that become target.dueDate; actions
// apply when required (must) or when their applicability conditions (PlanRuleSets.fsh) hold.
//
// The symptom goal uses the PHQ-9 and GAD-7 total scores (LOINC 44261-6 and 70274-6, as coded in
// instruments/Phq9.fsh and instruments/Gad7.fsh); a total below 10 is below the usual "moderate"
// cut-off of both instruments. PHQ-9 and GAD-7 are repeated every 30 days (measurement-based care).

Instance: MentalHealthTemplate
InstanceOf: PlanDefinition
Usage: #definition
Title: "Mental health program template"
Description: "Standard assessments, goals, referrals and check-ins of the CaseBridge mental health case-management program."
* id = "mental-health"
* url = "http://casebridge.org/fhir/PlanDefinition/mental-health"
* name = "MentalHealthTemplate"
* title = "Mental Health Case Management Program Template"
* status = #active
* type = http://terminology.hl7.org/CodeSystem/plan-definition-type#clinical-protocol "Clinical Protocol"
* description = "The standard plan for a client living with mental illness: screen for depression, anxiety and social needs, connect the client with therapy and with support for their medicines, and check in every week, repeating the depression and anxiety scores every month."
* purpose = "Help clients get and stay in mental health treatment, feel better, and have the housing, income and daily supports that recovery needs."
* useContext[+].code = http://terminology.hl7.org/CodeSystem/usage-context-type#program "Program"
* useContext[=].valueCodeableConcept = $cb-program#mental-health "Mental health case management"

// Goals
* goal[+].id = "engaged-in-therapy"
* goal[=].description.text = "Attend a first therapy or counselling appointment within 30 days and keep attending."
* goal[=].category = http://terminology.hl7.org/CodeSystem/goal-category#behavioral "Behavioral"
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].due = 30 'd' "days"

* goal[+].id = "medication-support"
* goal[=].description.text = "Take psychiatric medicines as prescribed, with a prescriber who reviews them and their side effects, within 60 days."
* goal[=].category = http://terminology.hl7.org/CodeSystem/goal-category#behavioral "Behavioral"
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#medium-priority "Medium Priority"
* goal[=].target[+].due = 60 'd' "days"

* goal[+].id = "symptoms-reduced"
* goal[=].description.text = "Fewer symptoms of depression and anxiety: PHQ-9 and GAD-7 total scores below 10 within 90 days."
* goal[=].category = http://terminology.hl7.org/CodeSystem/goal-category#behavioral "Behavioral"
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#high-priority "High Priority"
* goal[=].target[+].measure = $loinc#44261-6 "Patient health questionnaire 9 item total score"
* goal[=].target[=].detailQuantity.value = 10
* goal[=].target[=].detailQuantity.comparator = #<
* goal[=].target[=].due = 90 'd' "days"
* goal[=].target[+].measure = $loinc#70274-6 "Generalized anxiety disorder 7 item total score"
* goal[=].target[=].detailQuantity.value = 10
* goal[=].target[=].detailQuantity.comparator = #<
* goal[=].target[=].due = 90 'd' "days"

* goal[+].id = "social-needs-met"
* goal[=].description.text = "Housing, food and income needs found by the social needs screening are referred and being met within 90 days."
* goal[=].priority = http://terminology.hl7.org/CodeSystem/goal-priority#medium-priority "Medium Priority"
* goal[=].target[+].due = 90 'd' "days"

// Assessments
* action[+].id = "assess-phq-9"
* action[=].title = "PHQ-9 depression screening"
* action[=].description = "Complete the PHQ-9 at intake and every 30 days. Any answer other than \"Not at all\" to item 9 (thoughts of self-harm) needs a same-day safety assessment."
* insert UnlessAnsweredWithin(phq-9, 14)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/phq-9"
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 30
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "symptoms-reduced"

* action[+].id = "assess-gad-7"
* action[=].title = "GAD-7 anxiety screening"
* action[=].description = "Complete the GAD-7 at intake and every 30 days."
* insert UnlessAnsweredWithin(gad-7, 14)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/gad-7"
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 30
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "symptoms-reduced"

* action[+].id = "assess-ahc-hrsn-core"
* action[=].title = "Health-related social needs screening"
* action[=].description = "Screen for housing, food, transportation, utility and safety needs (AHC HRSN core questions) at intake."
* insert UnlessAnsweredWithin(ahc-hrsn-core, 90)
* action[=].definitionCanonical = "http://casebridge.org/fhir/Questionnaire/ahc-hrsn-core"
* action[=].goalId[+] = "social-needs-met"

// Referrals
* action[+].id = "refer-therapy"
* action[=].title = "Therapy referral"
* action[=].description = "Refer to a therapist or counsellor within 14 days of intake, so the first appointment can happen within 30 days."
* action[=].code = $cb-service-category#mental-health-services "Mental health services"
* action[=].requiredBehavior = #could
* insert ApplicableWhen([["Moderate or worse symptoms: PHQ-9 or GAD-7 total score 10 or more."]], [["%scores.where(code.coding.where(system = 'http://loinc.org' and (code = '44261-6' or code = '70274-6')).exists() and value >= 10).exists()"]])
* action[=].timingDuration = 14 'd' "days"
* action[=].goalId[+] = "engaged-in-therapy"
* action[=].goalId[+] = "symptoms-reduced"

* action[+].id = "refer-medication-support"
* action[=].title = "Medication support"
* action[=].description = "Connect the client with a psychiatric prescriber (psychiatrist, psychiatric nurse practitioner or primary care) for medication management, and help with refills, costs and side effects."
* action[=].code = $cb-service-category#mental-health-services "Mental health services"
* action[=].requiredBehavior = #must
* action[=].goalId[+] = "medication-support"
* action[=].goalId[+] = "symptoms-reduced"

* action[+].id = "refer-housing"
* action[=].title = "Housing"
* action[=].description = "Refer to housing services when the screening shows the client is homeless or at risk of losing housing."
* action[=].code = $cb-service-category#housing "Housing"
* action[=].requiredBehavior = #could
* insert WhenNeed(housing)
* action[=].goalId[+] = "social-needs-met"

* action[+].id = "refer-financial-assistance"
* action[=].title = "Benefits and financial assistance"
* action[=].description = "Help the client apply for disability and other benefits, or refer for utility and emergency assistance, when the screening shows a need."
* action[=].code = $cb-service-category#financial-assistance "Financial assistance"
* action[=].requiredBehavior = #could
* insert WhenNeed(financial-assistance)
* action[=].goalId[+] = "social-needs-met"

* insert SocialNeedReferral(refer-food, food, "Food", Food, [[Refer to a food bank, meal programme or nutrition assistance when the screening shows the client cannot get enough food.]], social-needs-met)
* insert SocialNeedReferral(refer-transportation, transportation, "Transportation", Transportation, [[Arrange rides or a transit pass when the screening shows the client cannot get to therapy, the prescriber or other appointments.]], social-needs-met)
* insert SocialNeedReferral(refer-safety, safety, "Interpersonal safety", Interpersonal safety, [[Refer to domestic violence and protective services when the screening shows the client is not safe at home.]], social-needs-met)

// Tasks
* action[+].id = "task-safety-plan"
* action[=].title = "Same-day safety plan"
* action[=].description = "The client's last PHQ-9 answered item 9 (thoughts of death or self-harm) above \"Not at all\": assess the risk and make a safety plan with them the same day."
* action[=].code = $cb-case-task#safety-plan "Safety plan"
* action[=].requiredBehavior = #could
* insert ApplicableWhen([["The latest PHQ-9 answered item 9 (thoughts of death or self-harm) above Not at all."]], [["%responses.where(questionnaire = 'http://casebridge.org/fhir/Questionnaire/phq-9' or questionnaire.startsWith('http://casebridge.org/fhir/Questionnaire/phq-9|')).repeat(item).where(linkId = '44260-8').answer.value.where(system = 'http://loinc.org' and code != 'LA6568-5').exists()"]])
* action[=].timingDuration = 0 'd' "days"
* action[=].goalId[+] = "symptoms-reduced"

// Check-ins
* action[+].id = "checkin-weekly"
* action[=].title = "Weekly check-in"
* action[=].description = "Check in with the client every week: mood, safety, therapy attendance, medicines and open referrals."
* action[=].requiredBehavior = #must
* action[=].timingTiming.repeat.frequency = 1
* action[=].timingTiming.repeat.period = 7
* action[=].timingTiming.repeat.periodUnit = #d
* action[=].goalId[+] = "engaged-in-therapy"
* action[=].goalId[+] = "medication-support"
* action[=].goalId[+] = "symptoms-reduced"

// Tasks a care plan gives the case manager: reassessments and work that is neither a referral nor a check-in.
CodeSystem: CbCaseTaskCodes
Id: cb-case-task
Title: "CaseBridge Case Tasks"
Description: "Tasks a care plan gives the case manager: reassessments (complete a questionnaire) and other work that is neither a referral nor a check-in."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-case-task"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #safety-plan "Safety plan" "Make a safety plan with the client (warning signs, coping steps, people and services to contact, a safer environment) and assess the risk of self-harm."
* #complete-questionnaire "Complete a questionnaire" "Go through an assessment instrument (the Task's focus) with the client and record their response."

ValueSet: CbCaseTaskVS
Id: cb-case-task
Title: "CaseBridge Case Tasks"
Description: "All CaseBridge case tasks."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-case-task"
* ^status = #active
* include codes from system CbCaseTaskCodes

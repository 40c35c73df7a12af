// Why a client on a caseload needs the case manager today ($caseload), listed most urgent first:
// $caseload ranks clients by their most urgent reason in this order.
CodeSystem: CbCaseloadReasonCodes
Id: cb-caseload-reason
Title: "CaseBridge Caseload Attention Reasons"
Description: "Why a client on a case manager's caseload needs attention, most urgent first: the order in which $caseload ranks clients."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-caseload-reason"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #high-risk "High-risk need" "An active need that calls for prompt follow-up: thoughts of death or self-harm (PHQ-9 item 9 above \"Not at all\"), a high risk of readmission (LACE 10 or more) or a positive interpersonal safety screen (AHC HRSN)."
* #unaddressed-need "Need not in a plan" "An active need that no active care plan addresses."
* #referral-unresolved "Referral not followed up" "A referral the service rejected or could not fulfil (Task rejected or failed), with no later referral of the client for the same kind of service."
* #no-contact "No recent contact" "No check-in with the client within the program's check-in interval."
* #goal-overdue "Goal overdue" "A goal past its target due date and not achieved."
* #referral-not-accepted "Referral not accepted" "A referral the service has not accepted within the program's acceptance time (Task requested)."
* #referral-not-completed "Referral not completed" "An accepted referral not completed within the program's completion time (Task accepted, in progress or on hold)."
* #reassessment-due "Reassessment due" "The last completed response to an instrument the program repeats is older than its interval, or there is none."

ValueSet: CbCaseloadReasonVS
Id: cb-caseload-reason
Title: "CaseBridge Caseload Attention Reasons"
Description: "All CaseBridge caseload attention reasons."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-caseload-reason"
* ^status = #active
* include codes from system CbCaseloadReasonCodes

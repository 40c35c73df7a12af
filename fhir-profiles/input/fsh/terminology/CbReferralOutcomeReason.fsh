// Why a referral Task ended where it did (Task.statusReason). The SDOHCC referral state machine
// asks for a reason when a referral is rejected, cancelled, put on hold or failed.
CodeSystem: CbReferralOutcomeReasonCodes
Id: cb-referral-outcome-reason
Title: "CaseBridge Referral Outcome Reasons"
Description: "Reasons recorded when a referral Task is rejected, cancelled, on hold, failed or completed."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-referral-outcome-reason"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #no-capacity "No capacity" "The service has no capacity (waiting list full, no beds)."
* #not-eligible "Not eligible" "The client does not meet the service's eligibility criteria."
* #client-declined "Client declined" "The client declined the service."
* #unable-to-contact "Unable to contact" "Neither the service nor the case manager could reach the client."
* #client-moved "Client moved" "The client moved out of the service area."
* #need-resolved "Need resolved" "The need was met another way before the service started."
* #waiting-list "On waiting list" "The client is on the service's waiting list."
* #awaiting-documents "Awaiting documents" "The service is waiting for documents or information."
* #service-completed "Service completed" "The service was delivered as requested."
* #other "Other" "Another reason, explained in the Task's notes."

ValueSet: CbReferralOutcomeReasonVS
Id: cb-referral-outcome-reason
Title: "CaseBridge Referral Outcome Reasons"
Description: "All CaseBridge referral outcome reasons."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-referral-outcome-reason"
* ^status = #active
* include codes from system CbReferralOutcomeReasonCodes

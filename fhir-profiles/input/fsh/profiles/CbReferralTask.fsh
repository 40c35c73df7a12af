// SDOHCC Task For Referral Management: code fulfill, intent order, focus the referral, for the
// client, an owner (the performing organisation), a status of the SDOHCC referral Task status
// value set, a reason whenever the referral stops short, and what was done once it is completed.
Profile: CbReferralTask
Parent: Task
Id: cb-referral-task
Title: "CaseBridge Referral Task"
Description: "Tracks a referral through its closed loop: requested, accepted, in progress, completed (or rejected, cancelled, on hold, failed with a reason)."
* ^status = #active
* obeys cb-referral-task-1 and cb-referral-task-2
* status MS
* status from CbReferralTaskStatusVS (required)
* statusReason MS
* statusReason from CbReferralOutcomeReasonVS (extensible)
* businessStatus MS
* intent = #order
* intent MS
* priority MS
* code 1..1 MS
* code = $task-code#fulfill
* focus 1..1 MS
* focus only Reference(CbReferral)
* for 1..1 MS
* for only Reference(Patient)
* authoredOn 1..1 MS
* lastModified MS
* requester MS
* owner 1..1 MS
* owner only Reference(Organization or HealthcareService or Practitioner or PractitionerRole or CareTeam)
* note MS
* output MS

Invariant: cb-referral-task-1
Description: "statusReason is required when the referral task is rejected, cancelled, on-hold or failed."
Expression: "(status = 'rejected' or status = 'cancelled' or status = 'on-hold' or status = 'failed') implies statusReason.exists()"
Severity: #error

Invariant: cb-referral-task-2
Description: "A completed referral task says what was done: output (e.g. a reference to the resulting Encounter or Procedure)."
Expression: "status = 'completed' implies output.exists()"
Severity: #error

// SDOHCC ValueSet Referral Task Status: R4 task-status without ready and received.
ValueSet: CbReferralTaskStatusVS
Id: cb-referral-task-status
Title: "CaseBridge Referral Task Status"
Description: "The statuses of a referral Task: R4 task-status without ready and received, as the SDOHCC ValueSet Referral Task Status."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-referral-task-status"
* ^status = #active
* include codes from system http://hl7.org/fhir/task-status
* exclude http://hl7.org/fhir/task-status#ready
* exclude http://hl7.org/fhir/task-status#received

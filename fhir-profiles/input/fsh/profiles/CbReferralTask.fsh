// SDOHCC Task For Referral Management: code fulfill, intent order, focus the referral, for the
// client, an owner (the performing organisation), and a reason whenever the referral stops short.
Profile: CbReferralTask
Parent: Task
Id: cb-referral-task
Title: "CaseBridge Referral Task"
Description: "Tracks a referral through its closed loop: requested, accepted, in progress, completed (or rejected, cancelled, on hold, failed with a reason)."
* ^status = #active
* obeys cb-referral-task-1
* status MS
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

// MCC eCare Plan Goal shape; CaseBridge requires a target due date, since timelines are what
// case managers track and what caseload queries report as overdue.
Profile: CbGoal
Parent: Goal
Id: cb-goal
Title: "CaseBridge Goal"
Description: "A goal in a client's care plan, with the date it is due."
* ^status = #active
* lifecycleStatus MS
* achievementStatus MS
* description MS
* subject 1..1 MS
* subject only Reference(Patient)
* startDate MS
* target 1..* MS
* target.due[x] 1..1 MS
* target.due[x] only date
* expressedBy MS
* addresses MS

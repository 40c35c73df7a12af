// MCC eCare Plan CarePlan shape: subject, status, intent, period, care team, goals and the
// concerns addressed; CaseBridge adds the program as a category.
Profile: CbCarePlan
Parent: CarePlan
Id: cb-careplan
Title: "CaseBridge Care Plan"
Description: "A client's individual care plan in one program: goals with due dates, the needs they address and the team carrying it out. Revisions are versions; nothing is overwritten."
* ^status = #active
* obeys cb-careplan-1
* status MS
* intent MS
* category 1..* MS
* title MS
* subject 1..1 MS
* subject only Reference(Patient)
* period 1..1 MS
* period.start 1..1 MS
* author MS
* careTeam 1..* MS
* careTeam only Reference(CbCareTeam)
* addresses MS
* goal 1..* MS
* goal only Reference(CbGoal)
* activity MS
* activity.reference MS

Invariant: cb-careplan-1
Description: "A care plan names its program: a category from http://casebridge.org/fhir/CodeSystem/cb-program."
Expression: "category.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-program').exists()"
Severity: #error

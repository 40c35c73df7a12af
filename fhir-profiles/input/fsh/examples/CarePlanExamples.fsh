Instance: GoalFollowUpCare
InstanceOf: CbGoal
Usage: #example
Description: "A goal with its due date: engaged in outpatient therapy within 30 days of discharge."
* lifecycleStatus = #active
* achievementStatus = http://terminology.hl7.org/CodeSystem/goal-achievement#in-progress
* description.text = "Attends a first outpatient therapy session within 30 days of discharge"
* subject = Reference(PatientRivera)
* startDate = "2026-11-03"
* target.dueDate = "2026-12-03"
* expressedBy = Reference(PractitionerCaseManager)
* addresses = Reference(ConditionDepressionNeed)

Instance: CarePlanDischarge
InstanceOf: CbCarePlan
Usage: #example
Description: "The client's discharge care plan."
* status = #active
* intent = #plan
* category = $cb-program#discharge-planning "Discharge planning"
* title = "Discharge plan"
* subject = Reference(PatientRivera)
* period.start = "2026-11-03"
* period.end = "2027-02-03"
* author = Reference(PractitionerCaseManager)
* careTeam = Reference(CareTeamRivera)
* addresses = Reference(ConditionDepressionNeed)
* goal = Reference(GoalFollowUpCare)
* activity.reference = Reference(ServiceRequestTherapyReferral)

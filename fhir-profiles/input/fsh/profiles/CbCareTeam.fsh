// MCC eCare Plan CareTeam shape: subject and participants with roles; CaseBridge adds that
// the case manager is always named, which is how a client lands on a caseload.
Profile: CbCareTeam
Parent: CareTeam
Id: cb-care-team
Title: "CaseBridge Care Team"
Description: "The people caring for a client, led by their case manager."
* ^status = #active
* obeys cb-care-team-1
* status 1..1 MS
* subject 1..1 MS
* subject only Reference(Patient)
* period MS
* participant 1..* MS
* participant.role 1..* MS
* participant.role from CbCareTeamRoleVS (extensible)
* participant.member 1..1 MS
* participant.member only Reference(Practitioner or PractitionerRole or RelatedPerson or Patient or Organization or CareTeam)
* managingOrganization MS

Invariant: cb-care-team-1
Description: "A CaseBridge care team names its case manager: a participant with role cb-care-team-role#case-manager."
Expression: "participant.where(role.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-care-team-role' and code = 'case-manager').exists()).exists()"
Severity: #error

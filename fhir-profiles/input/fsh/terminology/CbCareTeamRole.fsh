CodeSystem: CbCareTeamRoleCodes
Id: cb-care-team-role
Title: "CaseBridge Care Team Roles"
Description: "Roles of the people on a client's care team (CareTeam.participant.role)."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-care-team-role"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #case-manager "Case manager" "The person responsible for the client's care plan; the client is on their caseload."
* #care-coordinator "Care coordinator" "Coordinates services alongside the case manager."
* #primary-care-provider "Primary care provider" "The client's primary care clinician."
* #behavioral-health-provider "Behavioral health provider" "Therapist, counsellor or psychiatric clinician."
* #caregiver "Caregiver" "A family member or friend who cares for the client."
* #peer-support "Peer support specialist" "A person with lived experience who supports the client's recovery."
* #community-health-worker "Community health worker" "Outreach and navigation in the client's community."

ValueSet: CbCareTeamRoleVS
Id: cb-care-team-role
Title: "CaseBridge Care Team Roles"
Description: "All CaseBridge care team roles."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-care-team-role"
* ^status = #active
* include codes from system CbCareTeamRoleCodes

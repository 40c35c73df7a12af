Instance: PatientRivera
InstanceOf: CbClient
Usage: #example
Description: "A client known to the hospital by her medical record number."
* identifier.system = "http://hospital.example/mrn"
* identifier.value = "MRN-1001"
* name.family = "Rivera"
* name.given = "Ana"
* gender = #female
* birthDate = "1957-03-14"
* telecom.system = #phone
* telecom.value = "555-0101"
* address.line = "14 Elm Street"
* address.city = "Riverside"
* address.postalCode = "92501"

Instance: CareTeamRivera
InstanceOf: CbCareTeam
Usage: #example
Description: "The client's care team, led by her case manager."
* status = #active
* subject = Reference(PatientRivera)
* period.start = "2026-11-02"
* participant[0].role = $cb-care-team-role#case-manager "Case manager"
* participant[0].member = Reference(PractitionerCaseManager)
* participant[1].role = $cb-care-team-role#caregiver "Caregiver"
* participant[1].member.display = "Luis Rivera (son)"
* managingOrganization = Reference(OrganizationRiversideHospital)

Instance: EpisodeOfCareDischarge
InstanceOf: CbEpisode
Usage: #example
Description: "Enrolment in the discharge-planning program."
* status = #active
* type = $cb-program#discharge-planning "Discharge planning"
* patient = Reference(PatientRivera)
* managingOrganization = Reference(OrganizationRiversideHospital)
* period.start = "2026-11-02"
* careManager = Reference(PractitionerCaseManager)
* team = Reference(CareTeamRivera)

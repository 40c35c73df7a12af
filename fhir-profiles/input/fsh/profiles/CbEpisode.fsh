Profile: CbEpisode
Parent: EpisodeOfCare
Id: cb-episode
Title: "CaseBridge Program Enrolment"
Description: "A client's enrolment in a case-management program, from intake to discharge."
* ^status = #active
* status 1..1 MS
* type 1..1 MS
* type from CbProgramVS (required)
* patient 1..1 MS
* managingOrganization MS
* period 1..1 MS
* period.start 1..1 MS
* careManager MS
* team MS

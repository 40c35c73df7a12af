// Restates the US Core Patient must-haves (identifier, name, gender) on base R4.
Profile: CbClient
Parent: Patient
Id: cb-client
Title: "CaseBridge Client"
Description: "A person receiving case management. Identified by the identifiers of the EHRs that know them; matching on identifier keeps one record per client."
* ^status = #active
* identifier 1..* MS
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* name 1..* MS
* gender 1..1 MS
* birthDate MS
* telecom MS
* address MS
* communication MS
* generalPractitioner MS

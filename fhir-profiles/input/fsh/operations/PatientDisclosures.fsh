// $disclosures: a client's accounting of disclosures (HIPAA §164.528, 42 CFR §2.24) from the audit
// trail. CaseBridge's own operation: BALP records the accesses, not which of them were disclosures.

Instance: Patient-disclosures
InstanceOf: OperationDefinition
Usage: #definition
Title: "A client's accounting of disclosures"
Description: "Who outside the client's care team received the client's data, what and when: the AuditEvents that record it."
* id = "Patient-disclosures"
* url = "http://casebridge.org/fhir/OperationDefinition/Patient-disclosures"
* name = "PatientDisclosures"
* title = "A client's accounting of disclosures"
* status = #active
* kind = #operation
* description = "The AuditEvents, oldest first, of every successful read, search, operation or export that named the client as patient and was made by a person or organisation (Practitioner, PractitionerRole, Organization, RelatedPerson, as the audit trail names its information recipient) that was not a participant of one of the client's CareTeams at the time, by the participant's period. Each event says who received the data (agent with requestor = true, and the client application), what (entity: the resource version or the query) and when (recorded). The client's own access and that of the system of record (a backend service acting for no user or organisation) are not disclosures. Needs a scope naming AuditEvent; every event returned is checked against it."
* affectsState = false
* code = #disclosures
* resource[+] = #Patient
* system = false
* type = false
* instance = true
* parameter[+].name = #start
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #date
* parameter[=].documentation = "Only disclosures on or after this date."
* parameter[+].name = #end
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #date
* parameter[=].documentation = "Only disclosures on or before this date."
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #Bundle
* parameter[=].documentation = "A searchset Bundle of the AuditEvents that record a disclosure, with their number as total."

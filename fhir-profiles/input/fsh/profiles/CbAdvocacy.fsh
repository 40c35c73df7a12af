Profile: CbAdvocacy
Parent: Communication
Id: cb-advocacy
Title: "CaseBridge Advocacy Contact"
Description: "A contact with an agency, insurer or provider made on the client's behalf: what was said, to whom and when."
* ^status = #active
* basedOn MS
* status MS
* category MS
* subject 1..1 MS
* subject only Reference(Patient)
* topic MS
* about MS
* sent 1..1 MS
* recipient 1..* MS
* recipient only Reference(Organization or Practitioner or PractitionerRole or HealthcareService)
* sender 1..1 MS
* sender only Reference(Practitioner or PractitionerRole)
* reasonCode MS
* payload 1..* MS
* note MS

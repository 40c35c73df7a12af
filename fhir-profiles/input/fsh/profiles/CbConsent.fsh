// SDOHCC Consent shape: a patient-privacy consent (LOINC 59284-0) that permits sharing the
// client's information with a named organisation; for substance-use records, the policy names
// 42 CFR Part 2, whose consents also name the disclosing program as an actor.
Profile: CbConsent
Parent: Consent
Id: cb-consent
Title: "CaseBridge Consent to Share"
Description: "A client's consent to share their information with a named organisation, such as a community service provider."
* ^status = #active
* obeys cb-consent-1
* status MS
* scope = $consent-scope#patient-privacy
* scope MS
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains consentDocument 1..1 MS
* category[consentDocument] = $loinc#59284-0
* patient 1..1 MS
* dateTime 1..1 MS
* performer 1..* MS
* performer only Reference(Patient or RelatedPerson)
* organization MS
* source[x] MS
* policy MS
* policyRule MS
* provision 1..1 MS
* provision.type 1..1 MS
* provision.type = #permit
* provision.period MS
* provision.actor 1..* MS
* provision.actor.role MS
* provision.actor.reference MS
* provision.actor.reference only Reference(Organization or CareTeam or Practitioner or PractitionerRole)
* provision.purpose MS
* provision.class MS

Invariant: cb-consent-1
Description: "A consent to share names who may receive the information: a provision.actor with role v3-ParticipationType#IRCP (information recipient)."
Expression: "provision.actor.where(role.coding.where(system = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType' and code = 'IRCP').exists()).exists()"
Severity: #error

Instance: EncounterPhoneCheckin
InstanceOf: CbCheckin
Usage: #example
Description: "A phone check-in two days after discharge."
* status = #finished
* class = http://terminology.hl7.org/CodeSystem/v3-ActCode#VR "virtual"
* type = $cb-contact-mode#phone "Phone"
* subject = Reference(PatientRivera)
* episodeOfCare = Reference(EpisodeOfCareDischarge)
* participant.individual = Reference(PractitionerCaseManager)
* period.start = "2026-11-05T14:00:00Z"
* period.end = "2026-11-05T14:20:00Z"
* reasonCode.text = "Post-discharge check-in"

Instance: CommunicationInsurerAdvocacy
InstanceOf: CbAdvocacy
Usage: #example
Description: "The case manager asks the insurer to authorise therapy at an in-network provider."
* status = #completed
* category.text = "Prior authorization request"
* subject = Reference(PatientRivera)
* about = Reference(ServiceRequestTherapyReferral)
* sent = "2026-11-04T10:00:00Z"
* recipient = Reference(OrganizationSummitHealthPlan)
* sender = Reference(PractitionerCaseManager)
* payload.contentString = "Requesting authorization for 12 outpatient therapy sessions following discharge on 2026-11-03."

Instance: ConsentShareWithCounseling
InstanceOf: CbConsent
Usage: #example
Description: "The client agrees that her care plan and referral may be shared with the counseling center."
* status = #active
* scope = $consent-scope#patient-privacy
* category[consentDocument] = $loinc#59284-0 "Consent Document"
* patient = Reference(PatientRivera)
* dateTime = "2026-11-03T10:45:00Z"
* performer = Reference(PatientRivera)
* organization = Reference(OrganizationRiversideHospital)
* policyRule = http://terminology.hl7.org/CodeSystem/v3-ActCode#OPTIN
* provision.type = #permit
* provision.period.start = "2026-11-03"
* provision.period.end = "2027-11-03"
* provision.actor.role = $v3-ParticipationType#IRCP "information recipient"
* provision.actor.reference = Reference(OrganizationBayviewCounseling)

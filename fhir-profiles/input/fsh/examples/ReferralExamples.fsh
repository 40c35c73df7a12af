Instance: ServiceRequestTherapyReferral
InstanceOf: CbReferral
Usage: #example
Description: "A referral to outpatient therapy, made from the discharge care plan."
* basedOn = Reference(CarePlanDischarge)
* status = #active
* intent = #order
* category = $cb-service-category#mental-health-services "Mental health services"
* priority = #urgent
* code.text = "Referral to outpatient individual therapy"
* subject = Reference(PatientRivera)
* authoredOn = "2026-11-03T11:00:00Z"
* requester = Reference(PractitionerCaseManager)
* performer = Reference(OrganizationBayviewCounseling)
* reasonReference = Reference(ConditionDepressionNeed)

Instance: TaskTherapyReferralRejected
InstanceOf: CbReferralTask
Usage: #example
Description: "The referral Task, rejected by the service with a reason: it has no capacity."
* status = #rejected
* statusReason = $cb-referral-outcome-reason#no-capacity "No capacity"
* intent = #order
* code = http://hl7.org/fhir/CodeSystem/task-code#fulfill "Fulfill the focal request"
* focus = Reference(ServiceRequestTherapyReferral)
* for = Reference(PatientRivera)
* authoredOn = "2026-11-03T11:00:00Z"
* lastModified = "2026-11-04T09:30:00Z"
* requester = Reference(PractitionerCaseManager)
* owner = Reference(OrganizationBayviewCounseling)

Instance: HealthcareServiceOutpatientTherapy
InstanceOf: CbService
Usage: #example
Description: "An outpatient therapy service in the community directory, currently running a waiting list."
* extension[capacity].extension[status].valueCode = #waitlist
* extension[capacity].extension[availableSlots].valueUnsignedInt = 0
* extension[capacity].extension[asOf].valueDateTime = "2026-11-04T08:00:00Z"
* active = true
* providedBy = Reference(OrganizationBayviewCounseling)
* category = $cb-service-category#mental-health-services "Mental health services"
* name = "Outpatient individual therapy"
* telecom.system = #phone
* telecom.value = "555-0140"
* eligibility[+].code = $cb-service-eligibility#adult "Adult"
* eligibility[=].comment = "Adults 18+ in Riverside County"
* eligibility[+].code = $cb-service-eligibility#area-resident "Area resident"
* communication[+] = urn:ietf:bcp:47#en "English"
* communication[+] = urn:ietf:bcp:47#es "Spanish"

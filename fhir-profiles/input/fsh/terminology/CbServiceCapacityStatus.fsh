ValueSet: CbServiceCapacityStatusVS
Id: cb-service-capacity-status
Title: "CaseBridge Service Capacity Status"
Description: "Whether a service is taking referrals."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-service-capacity-status"
* ^status = #active
* include codes from system CbServiceCapacityStatusCodes

CodeSystem: CbServiceCapacityStatusCodes
Id: cb-service-capacity-status
Title: "CaseBridge Service Capacity Status"
Description: "Whether a service is taking referrals."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-service-capacity-status"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #available "Available" "Taking new referrals."
* #limited "Limited" "Taking a few new referrals."
* #waitlist "Waiting list" "New referrals join a waiting list."
* #full "Full" "Not taking new referrals."

CodeSystem: CbContactModeCodes
Id: cb-contact-mode
Title: "CaseBridge Contact Modes"
Description: "How a case-management contact (check-in) took place."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-contact-mode"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #in-person "In person" "Face-to-face contact at an office, clinic or hospital."
* #phone "Phone" "Telephone contact."
* #video "Video" "Video visit."
* #home-visit "Home visit" "Face-to-face contact at the client's home."

ValueSet: CbContactModeVS
Id: cb-contact-mode
Title: "CaseBridge Contact Modes"
Description: "All CaseBridge contact modes."
* ^url = "http://casebridge.org/fhir/ValueSet/cb-contact-mode"
* ^status = #active
* include codes from system CbContactModeCodes

// The community service directory's search parameters on HealthcareService (profile cb-service)
// that R4 lacks: by eligibility, by language, and by current capacity. Category, location and
// organization are R4's own (service-category, location, organization); distance is R4's
// Location?near on Location.position.

RuleSet: ServiceSearchParameter(id, code, type, name)
* id = "{id}"
* url = "http://casebridge.org/fhir/SearchParameter/{id}"
* name = "{name}"
* status = #active
* code = #{code}
* base = #HealthcareService
* type = #{type}

Instance: cb-service-eligibility
InstanceOf: SearchParameter
Usage: #definition
* insert ServiceSearchParameter(cb-service-eligibility, eligibility, token, CbServiceEligibility)
* description = "Services whose eligibility criteria include the code (CodeSystem cb-service-eligibility), e.g. eligibility=http://casebridge.org/fhir/CodeSystem/cb-service-eligibility|older-adult. Repeating the parameter asks for services that state every criterion given."
* expression = "HealthcareService.eligibility.code"
* xpathUsage = #normal

Instance: cb-service-language
InstanceOf: SearchParameter
Usage: #definition
* insert ServiceSearchParameter(cb-service-language, language, token, CbServiceLanguage)
* description = "Services offered in the language (HealthcareService.communication, a BCP-47 code such as es or urn:ietf:bcp:47|es)."
* expression = "HealthcareService.communication"
* xpathUsage = #normal

Instance: cb-service-capacity-status
InstanceOf: SearchParameter
Usage: #definition
* insert ServiceSearchParameter(cb-service-capacity-status, capacity-status, token, CbServiceCapacityStatus)
* description = "Services by their current capacity (extension cb-service-capacity, part status): available, limited, waitlist or full (CodeSystem cb-service-capacity-status); several codes separated by commas match any of them."
* expression = "HealthcareService.extension('http://casebridge.org/fhir/StructureDefinition/cb-service-capacity').extension('status').value"
* xpathUsage = #normal

Instance: cb-service-capacity-slots
InstanceOf: SearchParameter
Usage: #definition
* insert ServiceSearchParameter(cb-service-capacity-slots, capacity-slots, number, CbServiceCapacitySlots)
* description = "Services by the number of referrals they can take now (extension cb-service-capacity, part availableSlots), with number prefixes: capacity-slots=ge3. A service that reports no number is not matched."
* expression = "HealthcareService.extension('http://casebridge.org/fhir/StructureDefinition/cb-service-capacity').extension('availableSlots').value"
* xpathUsage = #normal
* comparator[+] = #eq
* comparator[+] = #gt
* comparator[+] = #ge
* comparator[+] = #lt
* comparator[+] = #le

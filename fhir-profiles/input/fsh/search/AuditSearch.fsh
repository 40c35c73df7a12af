// The audit trail's search parameter that R4 lacks: the events one request made, by the request
// id every response carries in X-Request-ID (the BALP transaction entity, type XrequestId). An
// operator goes from a response, a log line or a client's complaint to what the trail recorded.

Instance: cb-audit-request
InstanceOf: SearchParameter
Usage: #definition
* id = "cb-audit-request"
* url = "http://casebridge.org/fhir/SearchParameter/cb-audit-request"
* name = "CbAuditRequest"
* status = #active
* code = #request
* base = #AuditEvent
* type = #token
* description = "The AuditEvents one request made, by its request id (the X-Request-ID response header, or the client's own X-Request-ID when it sent one): AuditEvent?request=4fQ2mZ8kR1xT7bNc. A transaction or batch made one event per entry, all with the same request id."
* expression = "AuditEvent.entity.where(type.code = 'XrequestId').what.identifier"
* xpathUsage = #normal

// The audit trail's search parameters that R4 lacks: the events one request made, by the request
// id every response carries in X-Request-ID (the BALP transaction entity, type XrequestId), so an
// operator goes from a response, a log line or a client's complaint to what the trail recorded;
// and the events of one user or app, by the identifier the trail names agents with.

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

Instance: cb-audit-agent-identifier
InstanceOf: SearchParameter
Usage: #definition
* id = "cb-audit-agent-identifier"
* url = "http://casebridge.org/fhir/SearchParameter/cb-audit-agent-identifier"
* name = "CbAuditAgentIdentifier"
* status = #active
* code = #agent-identifier
* base = #AuditEvent
* type = #token
* description = "The AuditEvents of one user or client application, by the identifier the trail names it with: urn:casebridge:audit:user|Practitioner/123 (the token's fhirUser, organisation or subject) or urn:casebridge:audit:client|<client_id>. The trail names agents by identifier, so R4's agent (a reference) does not find them."
* expression = "AuditEvent.agent.who.identifier"
* xpathUsage = #normal

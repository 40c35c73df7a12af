// $verify-chain: whether the audit trail is as it was written. CaseBridge's own operation: BALP
// defines the events, not how a server proves they were not changed.

Instance: AuditEvent-verify-chain
InstanceOf: OperationDefinition
Usage: #definition
Title: "Verify the audit trail's hash chain"
Description: "Walks the hash chain over every AuditEvent, oldest first, and says whether it is intact or names the first broken link."
* id = "AuditEvent-verify-chain"
* url = "http://casebridge.org/fhir/OperationDefinition/AuditEvent-verify-chain"
* name = "AuditEventVerifyChain"
* title = "Verify the audit trail's hash chain"
* status = #active
* kind = #operation
* description = "Every AuditEvent is linked, within seconds of being stored (casebridge.audit.seal-interval), into a chain whose links are SHA-256 hashes over the previous link, the event's row and its stored JSON. This operation recomputes every link: an event edited or deleted in the database, a link changed or removed, breaks the chain, and the first broken link is named. Needs a scope naming AuditEvent. Reads the whole trail, a thousand links at a time."
* affectsState = false
* code = #verify-chain
* resource[+] = #AuditEvent
* system = false
* type = true
* instance = false
* parameter[+].name = #intact
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #boolean
* parameter[=].documentation = "true when every link checks out and the chain reaches its head."
* parameter[+].name = #links
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #integer
* parameter[=].documentation = "How many links were checked and found intact (all of them, when intact)."
* parameter[+].name = #unsealed
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #integer
* parameter[=].documentation = "AuditEvents stored but not yet linked (they are, at the next seal)."
* parameter[+].name = #head
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #string
* parameter[=].documentation = "The hash of the chain's last link. Kept outside the server, it shows whether the chain was later rewritten whole."
* parameter[+].name = #brokenLink
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].documentation = "The first link that does not check out."
* parameter[=].part[+].name = #sequence
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #integer
* parameter[=].part[=].documentation = "The link's place in the chain, from 1."
* parameter[=].part[+].name = #event
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 0
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #Reference
* parameter[=].part[=].documentation = "The AuditEvent the link seals, unless it is gone."
* parameter[=].part[+].name = #problem
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 1
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #string
* parameter[=].part[=].documentation = "What is wrong: the event changed, deleted, given a later version, links missing."

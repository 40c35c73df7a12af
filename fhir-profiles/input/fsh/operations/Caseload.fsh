// $caseload: a case manager's clients, each with every reason to attend to them today, most urgent
// first, in one call. CaseBridge's own operation: no HL7 guide defines a caseload view.

RuleSet: OpIn(name, min, max, type, documentation)
* parameter[+].name = #{name}
* parameter[=].use = #in
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].type = #{type}
* parameter[=].documentation = {documentation}

RuleSet: OpPart(name, min, max, type, documentation)
* parameter[=].part[+].name = #{name}
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = {min}
* parameter[=].part[=].max = "{max}"
* parameter[=].part[=].type = #{type}
* parameter[=].part[=].documentation = {documentation}

RuleSet: OpReasonPart(name, min, type, documentation)
* parameter[=].part[=].part[+].name = #{name}
* parameter[=].part[=].part[=].use = #out
* parameter[=].part[=].part[=].min = {min}
* parameter[=].part[=].part[=].max = "1"
* parameter[=].part[=].part[=].type = #{type}
* parameter[=].part[=].part[=].documentation = {documentation}

Instance: Caseload
InstanceOf: OperationDefinition
Usage: #definition
Title: "A case manager's caseload"
Description: "The clients on a case manager's care teams, each with their program, active care plan and every reason that needs attention, most urgent first."
* id = "caseload"
* url = "http://casebridge.org/fhir/OperationDefinition/caseload"
* name = "Caseload"
* title = "A case manager's caseload"
* status = #active
* kind = #operation
* description = "The clients on the case manager's active care teams (CareTeam.participant.member: the Practitioner, one of its PractitionerRoles, or the PractitionerRole), each with their program (the active EpisodeOfCare), their active CarePlan and every attention reason (CodeSystem cb-caseload-reason), each reason naming the resource that caused it: high-risk needs, needs no active plan addresses, referrals rejected or failed with no follow-up, no check-in within the program's interval, goals past due and not achieved, referrals not accepted or not completed in time, reassessments due. Check-in and reassessment intervals come from the program's template (PlanDefinition); referral times and overrides from the server's configuration (casebridge.caseload). Clients are ranked by their most urgent reason (the CodeSystem's order), then by the number of reasons, then by the oldest reason's date; clients without reasons come last. Invoked on Practitioner/[id] or PractitionerRole/[id], or at the base with the practitioner parameter."
* affectsState = false
* code = #caseload
* resource[+] = #Practitioner
* resource[+] = #PractitionerRole
* system = true
* type = false
* instance = true
* insert OpIn(practitioner, 0, 1, string, [["At the base: the case manager, as Practitioner/[id] or PractitionerRole/[id]. Not allowed on an instance."]])
* insert OpIn(program, 0, 1, code, [["Only clients in this program (CodeSystem cb-program), by their active EpisodeOfCare."]])
* insert OpIn(attention, 0, 1, boolean, [["true: only clients with at least one attention reason."]])
* insert OpIn(reason, 0, *, code, [["Only clients with at least one of these reasons (CodeSystem cb-caseload-reason); their other reasons are listed too."]])
* insert OpIn(_count, 0, 1, integer, [["Clients per page: 1 to 100, default 20."]])
* insert OpIn(_offset, 0, 1, integer, [["How many ranked clients to skip: the page's start, default 0."]])
* parameter[+].name = #total
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].type = #integer
* parameter[=].documentation = "The number of clients that match, on all pages."
* parameter[+].name = #next
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].type = #uri
* parameter[=].documentation = "The request for the next page, when there is one."
* parameter[+].name = #client
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].documentation = "A client of the page, in rank order."
* insert OpPart(patient, 1, 1, Reference, [["The client (Patient), with their name as display."]])
* insert OpPart(program, 0, 1, Coding, [["The client's program (cb-program), from their active EpisodeOfCare or else their active CarePlan."]])
* insert OpPart(episode, 0, 1, Reference, [["The active EpisodeOfCare."]])
* insert OpPart(carePlan, 0, 1, Reference, [["The active CarePlan (the latest starting, if several), with its title as display."]])
* parameter[=].part[+].name = #reason
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = 0
* parameter[=].part[=].max = "*"
* parameter[=].part[=].documentation = "An attention reason, most urgent first."
* insert OpReasonPart(code, 1, Coding, [["The reason (CodeSystem cb-caseload-reason)."]])
* insert OpReasonPart(resource, 1, Reference, [["The resource that caused it (a Goal, Task, Condition, Encounter, EpisodeOfCare, QuestionnaireResponse, or the Questionnaire never answered), with a display."]])
* insert OpReasonPart(date, 0, date, [["The due date, or the date the wait or interval is counted from."]])
* insert OpReasonPart(detail, 1, string, [["The reason in words, for display: what, since when, against which threshold."]])

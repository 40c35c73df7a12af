// PlanDefinition/$apply as CaseBridge serves it: the part of Clinical Reasoning's R4 operation that
// care plans need (one subject, the encounter, the practitioner and the organization), plus the
// plan's start date and the choice of a transaction Bundle that stores the plan.

Instance: PlanDefinitionApply
InstanceOf: OperationDefinition
Usage: #definition
Title: "Apply a program template"
Description: "Apply a program template (PlanDefinition) to a client: the client's own CarePlan, with dated goals and one activity per applicable action. Nothing is stored; resultForm=transaction gives the Bundle that stores the plan in one transaction."
* id = "PlanDefinition-apply"
* url = "http://casebridge.org/fhir/OperationDefinition/PlanDefinition-apply"
* name = "PlanDefinitionApply"
* title = "Apply a program template"
* status = #active
* kind = #operation
* description = "Applies a program template (PlanDefinition) to a client and returns their individual care plan: a CarePlan (profile cb-careplan) with the program as category, instantiatesCanonical the template, period.start the start date, the client's active CareTeam (or a new one led by the practitioner), one Goal (cb-goal) per goal of the template with target.dueDate = start + target.due, and one activity per applicable action: a referral (ServiceRequest, cb-referral, status draft) for an action coded with a cb-service-category, a reassessment Task (focus the instrument's Questionnaire) for an action defined by a Questionnaire, a case Task for an action coded with a cb-case-task, and a planned check-in otherwise. An action applies when its requiredBehavior is must or when all its applicability conditions (FHIRPath over the client's record) are true. The operation stores nothing: with resultForm=careplan (the default) the resources are contained in the CarePlan, with resultForm=transaction they come as a transaction Bundle of conditional creates that stores the whole plan when posted to the base, and stores nothing twice when posted again."
* base = "http://hl7.org/fhir/OperationDefinition/PlanDefinition-apply"
* affectsState = false
* code = #apply
* resource = #PlanDefinition
* system = false
* type = false
* instance = true
* parameter[+].name = #subject
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].documentation = "The client the plan is for: a Patient reference (Patient/[id])."
* parameter[=].type = #string
* parameter[+].name = #encounter
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].documentation = "The encounter the plan is made in (Encounter/[id]), e.g. the hospital stay being discharged. The plan starts at its end unless start is given."
* parameter[=].type = #string
* parameter[+].name = #practitioner
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].documentation = "The case manager writing the plan (Practitioner/[id] or PractitionerRole/[id]): its author and the requester of its referrals and tasks. Required when the client has no active CareTeam; the new CareTeam has them as case manager."
* parameter[=].type = #string
* parameter[+].name = #organization
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].documentation = "The organization the case manager works for (Organization/[id]): the managing organization of a new CareTeam."
* parameter[=].type = #string
* parameter[+].name = #start
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].documentation = "The date the plan starts, from which goal due dates and activity timings count (CaseBridge). Default: the end of the given encounter (the discharge), else its start, else today."
* parameter[=].type = #date
* parameter[+].name = #resultForm
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].documentation = "careplan (default): a CarePlan with the plan's resources contained; transaction: a transaction Bundle that stores them (CaseBridge)."
* parameter[=].type = #code
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].documentation = "The CarePlan, or with resultForm=transaction the transaction Bundle."
* parameter[=].type = #Resource

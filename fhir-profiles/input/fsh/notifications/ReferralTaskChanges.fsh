
// R4 has no SubscriptionTopic: the Subscriptions R5 Backport IG carries one on Basic with
// cross-version extensions, the shape HAPI's topic loader reads. The identifier lets the server
// find its stored copy by the topic's canonical URL (Basic has no url search parameter).
Instance: referral-task-changes
InstanceOf: Basic
Usage: #definition
Title: "CaseBridge referral Task changes"
Description: "A SubscriptionTopic (R4 backport shape) for every change to a referral fulfilment Task."
* identifier.system = "urn:ietf:rfc:3986"
* identifier.value = "http://casebridge.org/fhir/SubscriptionTopic/referral-task-changes"
* code = http://hl7.org/fhir/fhir-types#SubscriptionTopic
* modifierExtension[0].url = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.status"
* modifierExtension[0].valueCode = #active
* extension[0].url = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.url"
* extension[0].valueUri = "http://casebridge.org/fhir/SubscriptionTopic/referral-task-changes"
* extension[1].url = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.name"
* extension[1].valueString = "ReferralTaskChanges"
* extension[2].url = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.title"
* extension[2].valueString = "CaseBridge referral Task changes"
* extension[3].url = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.description"
* extension[3].valueMarkdown = "A referral's fulfilment Task (code `fulfill`) is created or changes status: requested, accepted, rejected, in-progress, on-hold, completed, cancelled, failed. The notification carries the Task; filter by the performer (`owner`), the client (`patient`) or the status (`status`)."
// A current criterion alone matches every update unless both are required (HAPI 8.8's matcher
// counts a missing previous criterion as met).
* extension[4].url = "http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.resourceTrigger"
* extension[4].extension[0].url = "description"
* extension[4].extension[0].valueMarkdown = "A referral fulfilment Task is created or updated"
* extension[4].extension[1].url = "resource"
* extension[4].extension[1].valueUri = "Task"
* extension[4].extension[2].url = "supportedInteraction"
* extension[4].extension[2].valueCode = #create
* extension[4].extension[3].url = "supportedInteraction"
* extension[4].extension[3].valueCode = #update
* extension[4].extension[4].url = "queryCriteria"
* extension[4].extension[4].extension[0].url = "current"
* extension[4].extension[4].extension[0].valueString = "Task?code=http://hl7.org/fhir/CodeSystem/task-code|fulfill"
* extension[4].extension[4].extension[1].url = "requireBoth"
* extension[4].extension[4].extension[1].valueBoolean = true
* extension[5].url = "http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.canFilterBy"
* extension[5].extension[0].url = "resource"
* extension[5].extension[0].valueUri = "Task"
* extension[5].extension[1].url = "filterParameter"
* extension[5].extension[1].valueString = "owner"
* extension[6].url = "http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.canFilterBy"
* extension[6].extension[0].url = "resource"
* extension[6].extension[0].valueUri = "Task"
* extension[6].extension[1].url = "filterParameter"
* extension[6].extension[1].valueString = "patient"
* extension[7].url = "http://hl7.org/fhir/4.3/StructureDefinition/extension-SubscriptionTopic.canFilterBy"
* extension[7].extension[0].url = "resource"
* extension[7].extension[0].valueUri = "Task"
* extension[7].extension[1].url = "filterParameter"
* extension[7].extension[1].valueString = "status"

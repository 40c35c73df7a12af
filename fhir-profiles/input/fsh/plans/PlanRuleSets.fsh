// Personalisation as data: Clinical Reasoning applicability conditions (PlanDefinition.action.condition,
// kind applicability), FHIRPath over the client's record. PlanDefinition/$apply proposes an action
// only when all of its conditions are true; an empty result counts as false, so a condition on an
// assessment the client has not done leaves the action out. The variables (see the README, "Care
// planning"): %subject (the Patient), %encounter, %start (the plan's start date), %episodes (active
// EpisodeOfCare), %scores (the latest score Observation per code), %needs (active need Conditions),
// %responses (the latest completed QuestionnaireResponse per Questionnaire).

RuleSet: ApplicableWhen(description, expression)
* action[=].condition[+].kind = #applicability
* action[=].condition[=].expression.description = {description}
* action[=].condition[=].expression.language = #text/fhirpath
* action[=].condition[=].expression.expression = {expression}

// A referral for a health-related social need: proposed when the client has an active need
// Condition in the referral's service category (AHC HRSN domains, Katz ADL dependence, substance use).
RuleSet: WhenNeed(category)
* insert ApplicableWhen([["The client has an active need in this service category."]], [["%needs.where(category.coding.where(system = 'http://casebridge.org/fhir/CodeSystem/cb-service-category' and code = '{category}').exists()).exists()"]])

// A score condition on the client's latest score Observation with this code.
RuleSet: WhenScore(description, system, code, comparison)
* insert ApplicableWhen([[{description}]], [["%scores.where(code.coding.where(system = '{system}' and code = '{code}').exists()).value {comparison}"]])

// An assessment is not proposed again when the client answered it recently: the recent response is
// the documentation that must-unless-documented asks for.
RuleSet: UnlessAnsweredWithin(questionnaire, days)
* action[=].requiredBehavior = #must-unless-documented
* insert ApplicableWhen([["The client has not answered this instrument in the last {days} days."]], [["%responses.where((questionnaire = 'http://casebridge.org/fhir/Questionnaire/{questionnaire}' or questionnaire.startsWith('http://casebridge.org/fhir/Questionnaire/{questionnaire}|')) and authored >= %start - {days} days).empty()"]])

// Referrals for the AHC HRSN domains a template has no referral of its own for, each proposed
// when the screening found that need.
RuleSet: SocialNeedReferral(id, category, display, title, description, goal)
* action[+].id = "{id}"
* action[=].title = "{title}"
* action[=].description = "{description}"
* action[=].code = $cb-service-category#{category} {display}
* action[=].requiredBehavior = #could
* insert WhenNeed({category})
* action[=].goalId[+] = "{goal}"

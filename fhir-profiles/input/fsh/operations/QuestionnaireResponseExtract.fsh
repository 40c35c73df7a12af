// QuestionnaireResponse/$extract as CaseBridge serves it: SDC observation-based extraction of the
// scores and needs an instrument's Questionnaire defines.

Instance: QuestionnaireResponseExtract
InstanceOf: OperationDefinition
Usage: #definition
Title: "Extract an assessment"
Description: "The transaction Bundle that stores a completed assessment's score Observations and need Conditions, or brings them up to date."
* id = "QuestionnaireResponse-extract"
* url = "http://casebridge.org/fhir/OperationDefinition/QuestionnaireResponse-extract"
* name = "QuestionnaireResponseExtract"
* title = "Extract an assessment"
* status = #active
* kind = #operation
* description = "SDC observation-based extraction of a stored QuestionnaireResponse: a transaction Bundle with one score Observation (profile cb-score) per score and extracted answer and one need Condition (cb-need) per need the instrument's Questionnaire defines, each a conditional update on an identifier naming the response, so posting it to the base stores them and posting it again changes nothing. The operation itself stores nothing."
* base = "http://hl7.org/fhir/uv/sdc/OperationDefinition/QuestionnaireResponse-extract"
* affectsState = false
* code = #extract
* resource = #QuestionnaireResponse
* system = false
* type = false
* instance = true
* parameter[+].name = #return
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].documentation = "The transaction Bundle."
* parameter[=].type = #Bundle

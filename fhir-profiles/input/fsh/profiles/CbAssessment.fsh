// SDC / SDOHCC screening-response shape: which instrument, about whom, when and by whom.
Profile: CbAssessment
Parent: QuestionnaireResponse
Id: cb-assessment
Title: "CaseBridge Assessment Response"
Description: "A client's answers to an assessment or screening instrument."
* ^status = #active
* questionnaire 1..1 MS
* status MS
* subject 1..1 MS
* subject only Reference(Patient)
* encounter MS
* authored 1..1 MS
* author 1..1 MS
* source MS
* item MS

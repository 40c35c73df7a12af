RuleSet: Phq9Answer(linkId, code, display)
* item[0].item[+].linkId = "{linkId}"
* item[0].item[=].answer.valueCoding = $loinc#{code} {display}

Instance: QuestionnaireResponsePhq9
InstanceOf: CbAssessment
Usage: #example
Description: "A completed PHQ-9 with a total score of 11 (moderate)."
* questionnaire = "http://casebridge.org/fhir/Questionnaire/phq-9"
* status = #completed
* subject = Reference(PatientRivera)
* authored = "2026-11-03T10:15:00Z"
* author = Reference(PractitionerCaseManager)
* source = Reference(PatientRivera)
* item[0].linkId = "phq9-problems"
* insert Phq9Answer(44250-9, LA6569-3, "Several days")
* insert Phq9Answer(44255-8, LA6570-1, "More than half the days")
* insert Phq9Answer(44259-0, LA6571-9, "Nearly every day")
* insert Phq9Answer(44254-1, LA6570-1, "More than half the days")
* insert Phq9Answer(44251-7, LA6569-3, "Several days")
* insert Phq9Answer(44258-2, LA6569-3, "Several days")
* insert Phq9Answer(44252-5, LA6569-3, "Several days")
* insert Phq9Answer(44253-3, LA6568-5, "Not at all")
* insert Phq9Answer(44260-8, LA6568-5, "Not at all")

Instance: ObservationPhq9Score
InstanceOf: CbScore
Usage: #example
Description: "The PHQ-9 total score derived from the response."
* status = #final
* category[survey] = $obs-category#survey "Survey"
* code = $loinc#44261-6 "Patient health questionnaire 9 item total score"
* subject = Reference(PatientRivera)
* effectiveDateTime = "2026-11-03T10:15:00Z"
* valueInteger = 11
* derivedFrom = Reference(QuestionnaireResponsePhq9)

Instance: ConditionDepressionNeed
InstanceOf: CbNeed
Usage: #example
Description: "Depressive symptoms identified by the PHQ-9 at discharge screening."
* clinicalStatus = http://terminology.hl7.org/CodeSystem/condition-clinical#active
* verificationStatus = http://terminology.hl7.org/CodeSystem/condition-ver-status#provisional
* category[0] = $cb-service-category#mental-health-services "Mental health services"
* category[1] = $condition-category#problem-list-item "Problem List Item"
* code = $sct#35489007 "Depressive disorder"
* subject = Reference(PatientRivera)
* recordedDate = "2026-11-03"
* asserter = Reference(PractitionerCaseManager)
* evidence.detail = Reference(ObservationPhq9Score)

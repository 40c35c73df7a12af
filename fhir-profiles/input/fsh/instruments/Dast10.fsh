// DAST-10 (Drug Abuse Screening Test, 10 items).
//
// Sources checked:
// - Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7(4):363-71 (DAST-10 as
//   distributed by CAMH, Toronto); Yudko E et al., J Subst Abuse Treat 2007;32:189-98. Item wording,
//   the instructions, Yes/No answers, 1 point per "Yes" except item 3 ("Are you always able to stop
//   using drugs when you want to?"), which scores 1 for "No"; total 0-10 (0 none, 1-2 low, 3-5
//   moderate, 6-8 substantial, 9-10 severe). Wording compared with several public reproductions
//   (CamCOPS task strings, awell-health/awell-score dast_10, and others).
// - Yes/No answers use the LOINC answer codes LA33-6 "Yes" and LA32-8 "No", confirmed as LOINC
//   answers in LOINC's AHC HRSN and US Core material.
//
// Not confirmed / notes:
// - LOINC codes for DAST-10 could NOT be confirmed: public code uses 82666-9 both as the DAST-10
//   panel and as the DAST-10 total score, and 82667-7 as the total, with no LOINC-published form
//   found to settle it. All item, total and panel codes are therefore local cb-assessment codes
//   (dast10-*). Replace them with LOINC codes once verified against LOINC itself.
// - The instructions are shortened from the published form (the list of drug classes is left out).
// - Copyright: the DAST-10 is copyright 1982 Harvey A. Skinner, PhD, and the Centre for Addiction
//   and Mental Health (CAMH), Toronto; several reproductions describe permission for non-commercial
//   use only. Check the licence terms before use in a commercial product.

Instance: Dast10
InstanceOf: Questionnaire
Usage: #definition
Title: "DAST-10"
Description: "Drug Abuse Screening Test, 10-item version (DAST-10): drug use problems in the past 12 months, excluding alcohol. Scoring: 1 point per answer that indicates a problem (question 3 reversed), total 0-10; 0 none, 1-2 low, 3-5 moderate, 6-8 substantial, 9-10 severe; 3 or more is recorded as a need. Source: Skinner HA. Addict Behav 1982;7:363-71."
* insert InstrQuestionnaire(dast-10, Dast10, [["Drug Abuse Screening Test (DAST-10)"]])
* code = http://casebridge.org/fhir/CodeSystem/cb-assessment#dast10-panel "DAST-10 panel"
* insert InstrNeed(need-drug-use, [["Drug use problems (DAST-10 3 or more)"]], substance-use-treatment, [["%resource.repeat(item).where(linkId = 'dast10-total').answer.value >= 3"]])
* copyright = "DAST-10: Copyright 1982 Harvey A. Skinner, PhD, and the Centre for Addiction and Mental Health, Toronto, Canada."

* item[+] insert InstrGroup(dast10-questions, "DAST-10 questions", [["The following questions concern information about your possible involvement with drugs not including alcoholic beverages during the past 12 months. In the statements, “drug abuse” refers to (1) the use of prescribed or over-the-counter drugs in excess of the directions and (2) any non-medical use of drugs. Please answer every question. If you have difficulty with a statement, then choose the response that is mostly right."]], true)

* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q1, "DAST-10 question 1: drugs other than for medical reasons", [["Have you used drugs other than those required for medical reasons?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q2, "DAST-10 question 2: more than one drug at a time", [["Do you abuse more than one drug at a time?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)
// Reverse-scored: "No" scores 1.
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q3, [["DAST-10 question 3: always able to stop (reverse-scored)"]], [["Are you always able to stop using drugs when you want to?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 0)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 1)
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q4, "DAST-10 question 4: blackouts or flashbacks", [["Have you had “blackouts” or “flashbacks” as a result of drug use?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q5, "DAST-10 question 5: feel bad or guilty", [["Do you ever feel bad or guilty about your drug use?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q6, "DAST-10 question 6: spouse or parents complain", [["Does your spouse (or parents) ever complain about your involvement with drugs?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q7, "DAST-10 question 7: neglected family", [["Have you neglected your family because of your use of drugs?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q8, "DAST-10 question 8: illegal activities to obtain drugs", [["Have you engaged in illegal activities in order to obtain drugs?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q9, "DAST-10 question 9: withdrawal symptoms", [["Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)
* item[=].item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-q10, "DAST-10 question 10: medical problems from drug use", [["Have you had medical problems as a result of your drug use (e.g., memory loss, hepatitis, convulsions, bleeding, etc.)?"]], true)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 1)
* item[=].item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)

* item[+] insert InstrTotal(http://casebridge.org/fhir/CodeSystem/cb-assessment, dast10-total, "DAST-10 total score", [["DAST-10 total score (0-10)"]])
* item[=] insert InstrCalculated([["%resource.item.where(linkId = 'dast10-questions').item.answer.value.ordinal().aggregate($this + $total, 0)"]])
* item[=] insert InstrBand(dast10-none, "No problems reported", 0, 0)
* item[=] insert InstrBand(dast10-low, "Low level of problems", 1, 2)
* item[=] insert InstrBand(dast10-moderate, "Moderate level of problems", 3, 5)
* item[=] insert InstrBand(dast10-substantial, "Substantial level of problems", 6, 8)
* item[=] insert InstrBand(dast10-severe, "Severe level of problems", 9, 10)

// LACE index for the risk of death or unplanned readmission within 30 days of discharge.
//
// Sources checked:
// - van Walraven C, Dhalla IA, Bell C, Etchells E, Stiell IG, Zarnke K, Austin PC, Forster AJ.
//   Derivation and validation of an index to predict early death or unplanned readmission after
//   discharge from hospital to the community. CMAJ 2010;182(6):551-7, doi:10.1503/cmaj.091117
//   (PMC2845681): abstract read (L = length of stay, A = acuity of admission, C = Charlson
//   comorbidity index score, E = emergency department visits in the 6 months before admission;
//   scores range 0-19). The points table itself (page 3 of the paper) was not read directly.
// - The points table as given by MDCalc's "LACE Index for Readmission" (which credits Dr. van
//   Walraven), a textbook reproduction and an R implementation citing the CMAJ paper; all agree:
//     L: <1 day 0, 1 day 1, 2 days 2, 3 days 3, 4-6 days 4, 7-13 days 5, >=14 days 7
//     A: acute (emergent) admission 3, otherwise 0
//     C: Charlson 0 -> 0, 1 -> 1, 2 -> 2, 3 -> 3, >=4 -> 5
//     E: 0 -> 0, 1 -> 1, 2 -> 2, 3 -> 3, >=4 -> 4
//   Maximum 7 + 3 + 5 + 4 = 19.
// - Alberta Medical Association's LACE guidance: acuity is whether the patient was admitted via
//   the emergency department; ED visits exclude the visit immediately preceding the index admission.
//
// Not confirmed / notes:
// - No LOINC codes for LACE were found; every item, answer band, total and panel code is a local
//   cb-assessment code (lace-*), except the acuity answers, which use the LOINC answers LA33-6
//   "Yes" / LA32-8 "No".
// - A "modified LACE" (e.g. BMJ Open) gives >=14 days 6 points and scores comorbidity differently;
//   that variant is NOT what is encoded here.
// - How length of stay is counted (calendar days including admission and discharge day vs. nights)
//   varies between implementations; the item text leaves it to the user.
// - The Charlson score itself is not computed here; the user enters its band.
// - Risk bands 0-4 low, 5-9 moderate, 10 or more high risk of readmission: van Walraven et al.
//   (10 or more as the high-risk threshold) and the Alberta/Ontario LACE guidance that follows it.

Instance: LaceIndex
InstanceOf: Questionnaire
Usage: #definition
Title: "LACE index"
Description: "LACE index (van Walraven et al., CMAJ 2010): risk of death or unplanned readmission within 30 days after discharge (0-19). Scoring: L 0-7, A 0 or 3, C 0-5, E 0-4, total 0-19; 0-4 low, 5-9 moderate, 10 or more high risk of readmission, recorded as a need. Source: van Walraven C et al. CMAJ 2010;182:551-7."
* insert InstrQuestionnaire(lace-index, LaceIndex, [["LACE Index for Readmission Risk"]])
* code = http://casebridge.org/fhir/CodeSystem/cb-assessment#lace-panel "LACE index"
* insert InstrNeed(need-readmission-risk, [["High risk of readmission (LACE 10 or more)"]], medical-care, [["%resource.repeat(item).where(linkId = 'lace-total').answer.value >= 10"]])

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-length-of-stay, "LACE: length of stay", [["L - Length of stay of the index admission (days)"]], true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-los-lt-1, "Less than 1 day", 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-los-1, "1 day", 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-los-2, "2 days", 2)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-los-3, "3 days", 3)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-los-4-6, "4-6 days", 4)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-los-7-13, "7-13 days", 5)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-los-14-plus, "14 days or more", 7)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-acuity, "LACE: acuity of admission", [["A - Was the index admission acute (emergent), i.e. an unplanned admission through the emergency department?"]], true)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA33-6, "Yes", 3)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA32-8, "No", 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-comorbidity, [["LACE: comorbidity (Charlson comorbidity index score)"]], [["C - Charlson comorbidity index score"]], true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-cci-0, "Charlson score 0", 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-cci-1, "Charlson score 1", 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-cci-2, "Charlson score 2", 2)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-cci-3, "Charlson score 3", 3)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-cci-4-plus, "Charlson score 4 or more", 5)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-ed-visits, "LACE: emergency department visits in the previous 6 months", [["E - Number of emergency department visits in the 6 months before the index admission (not counting the visit that led to it)"]], true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-ed-0, "No visits", 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-ed-1, "1 visit", 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-ed-2, "2 visits", 2)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-ed-3, "3 visits", 3)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-ed-4-plus, "4 or more visits", 4)

* item[+] insert InstrTotal(http://casebridge.org/fhir/CodeSystem/cb-assessment, lace-total, "LACE index total score", [["LACE index total score (0-19)"]])
* item[=] insert InstrCalculated([["%resource.item.answer.value.ordinal().aggregate($this + $total, 0)"]])
* item[=] insert InstrBand(lace-low, "Low risk of readmission", 0, 4)
* item[=] insert InstrBand(lace-moderate, "Moderate risk of readmission", 5, 9)
* item[=] insert InstrBand(lace-high, "High risk of readmission", 10, 19)

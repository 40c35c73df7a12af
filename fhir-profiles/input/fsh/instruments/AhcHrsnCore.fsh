// AHC HRSN core questions (CMS Accountable Health Communities Health-Related Social Needs
// Screening Tool, core questions 1-10), LOINC panel 96777-8.
//
// Sources checked:
// - Panel 96777-8 "Accountable health communities (AHC) health-related social needs screening
//   (HRSN) tool" (and 97023-6 for the supplemental questions, not included here): several
//   independent public sources, including US Core (github.com/HL7/US-Core
//   input/examples/Observation-AHC-HRSN-*.json).
// - Question codes, CMS question text and LOINC answer codes per question: the SHIN-NY (New York)
//   HRSN FHIR IG's table of the AHC HRSN tool, which cites the CMS tool
//   (cms.gov .../ahcm-screeningtool.pdf), checked against the US Core AHC-HRSN item examples
//   (codes and displays of 71802-3 Housing status, 96778-6 Problems with place where you live,
//   88122-7, 88123-5, 93030-5, 96779-4, 95618-5 / 95617-7 / 95616-9 / 95615-1 [HITS] and
//   95614-4 Total score [HITS]) and against the answer codes that public AHC HRSN validators accept.
// - Section lead-ins ("Some people have made the following statements about their food
//   situation ...", "Because violence and abuse happens to a lot of people ...") and the
//   "choose all that apply" on question 2: NLM LHC-Forms rendering of the CMS tool (as copied in
//   Medplum's examples) and other reproductions of the CMS tool.
// - Safety (HITS, Sherin et al., Fam Med 1998;30:508-12): Never 1, Rarely 2, Sometimes 3,
//   Fairly often 4, Frequently 5; total of questions 7-10 (4-20); 11 or more may mean the person
//   is not safe.
//
// Not confirmed / notes:
// - LOINC's own FHIR form for 96777-8 was not available, so the item order follows the CMS tool
//   (living situation, food, transportation, utilities, safety), not necessarily LOINC's panel
//   order; the domain groups and their codes (ahc-hrsn-*) are local cb-assessment codes.
// - Only the safety questions are scored; the others are unscored and not required.
// - Positive domains, as the CMS AHC HRSN guide (ahcm-screeningtool.pdf, "scoring") defines them:
//   living situation when question 1 is either of the last two answers or question 2 names any
//   problem; food when either question is "Often" or "Sometimes true"; transportation when "Yes";
//   utilities when "Yes" or "Already shut off"; safety when the HITS total is 11 or more. Each
//   positive domain is recorded as a need in the matching CaseBridge service category (utilities
//   under financial assistance, which covers utility assistance).
// - The questions are marked for observation extraction (SDC), as US Core records AHC HRSN
//   answers as Observations.
// - LOINC's answer display for LA31995-6 is used as-is; the CMS form shows the same text.

Instance: AhcHrsnCore
InstanceOf: Questionnaire
Usage: #definition
Title: "AHC HRSN core questions"
Description: "Accountable Health Communities (AHC) Health-Related Social Needs (HRSN) Screening Tool, core questions: living situation, food, transportation, utilities and interpersonal safety. Scoring: each positive domain is recorded as a need, as the CMS AHC HRSN Screening Tool defines it: living situation, food, transportation, utilities, and safety at a HITS total of 11 or more (Sherin KM et al. Fam Med 1998;30:508-12)."
* insert InstrQuestionnaire(ahc-hrsn-core, AhcHrsnCore, [["AHC Health-Related Social Needs Screening Tool - core questions"]])
* code = http://loinc.org#96777-8 "Accountable health communities (AHC) health-related social needs screening (HRSN) tool"
* insert InstrNeed(need-housing-instability, "Housing instability or inadequate housing", housing, [["%resource.repeat(item).where(linkId = '71802-3').answer.value.where(code = 'LA31994-9' or code = 'LA31995-6').exists() or %resource.repeat(item).where(linkId = '96778-6').answer.value.where(code != 'LA9-3').exists()"]])
* insert InstrNeed(need-food-insecurity, "Food insecurity", food, [["%resource.repeat(item).where(linkId = '88122-7').answer.value.union(%resource.repeat(item).where(linkId = '88123-5').answer.value).where(code = 'LA28397-0' or code = 'LA6729-3').exists()"]])
* insert InstrNeed(need-transportation-insecurity, "Transportation insecurity", transportation, [["%resource.repeat(item).where(linkId = '93030-5').answer.value.where(code = 'LA33-6').exists()"]])
* insert InstrNeed(need-utility-insecurity, "Utility insecurity", financial-assistance, [["%resource.repeat(item).where(linkId = '96779-4').answer.value.where(code = 'LA33-6' or code = 'LA32002-0').exists()"]])
* insert InstrNeed(need-interpersonal-safety, "Interpersonal safety concern", safety, [["%resource.repeat(item).where(linkId = '95614-4').answer.value >= 11"]])
* copyright = "The AHC HRSN Screening Tool was developed by the Centers for Medicare & Medicaid Services (CMS) and is in the public domain. LOINC codes: LOINC is copyright Regenstrief Institute, Inc. and the LOINC Committee, available at no cost under the license at http://loinc.org/license."

// Living situation (questions 1-2)
* item[+] insert InstrGroup(ahc-hrsn-living-situation, "AHC HRSN living situation", "Living situation", false)
* item[=].item[+] insert InstrChoice(http://loinc.org, 71802-3, "Housing status", "What is your living situation today?", false)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA31993-1, "I have a steady place to live")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA31994-9, [["I have a place to live today, but I am worried about losing it in the future"]])
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA31995-6, [["I do not have a steady place to live (I am temporarily staying with others, in a hotel, in a shelter, living outside on the street, on a beach, in a car, abandoned building, bus or train station, or in a park)"]])
* item[=].item[+] insert InstrChoice(http://loinc.org, 96778-6, "Problems with place where you live", [["Think about the place you live. Do you have problems with any of the following? (Choose all that apply.)"]], false)
* item[=].item[=] insert InstrExtract
* item[=].item[=].repeats = true
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA31996-4, [["Pests such as bugs, ants, or mice"]])
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA28580-1, "Mold")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA31997-2, "Lead paint or pipes")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA31998-0, "Lack of heat")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA31999-8, "Oven or stove not working")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA32000-4, "Smoke detectors missing or not working")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA32001-2, "Water leaks")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA9-3, "None of the above")

// Food (questions 3-4)
* item[+] insert InstrGroup(ahc-hrsn-food, "AHC HRSN food", [["Food. Some people have made the following statements about their food situation. Please answer whether the statements were OFTEN, SOMETIMES, or NEVER true for you and your household in the last 12 months."]], false)
* item[=].item[+] insert InstrChoice(http://loinc.org, 88122-7, "Within the past 12 months we worried whether our food would run out before we got money to buy more [U.S. FSS]", [["Within the past 12 months, you worried that your food would run out before you got money to buy more."]], false)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA28397-0, "Often true")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA6729-3, "Sometimes true")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA28398-8, "Never true")
* item[=].item[+] insert InstrChoice(http://loinc.org, 88123-5, "Within the past 12 months the food we bought just didn't last and we didn't have money to get more [U.S. FSS]", [["Within the past 12 months, the food you bought just didn't last and you didn't have money to get more."]], false)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA28397-0, "Often true")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA6729-3, "Sometimes true")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA28398-8, "Never true")

// Transportation (question 5)
* item[+] insert InstrGroup(ahc-hrsn-transportation, "AHC HRSN transportation", "Transportation", false)
* item[=].item[+] insert InstrChoice(http://loinc.org, 93030-5, [["Has lack of transportation kept you from medical appointments, meetings, work, or from getting things needed for daily living"]], [["In the past 12 months, has lack of reliable transportation kept you from medical appointments, meetings, work or from getting things needed for daily living?"]], false)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA33-6, "Yes")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA32-8, "No")

// Utilities (question 6)
* item[+] insert InstrGroup(ahc-hrsn-utilities, "AHC HRSN utilities", "Utilities", false)
* item[=].item[+] insert InstrChoice(http://loinc.org, 96779-4, [["Has the electric, gas, oil, or water company threatened to shut off services in your home in past 12 months"]], [["In the past 12 months has the electric, gas, oil, or water company threatened to shut off services in your home?"]], false)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA33-6, "Yes")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA32-8, "No")
* item[=].item[=] insert InstrAnswer(http://loinc.org, LA32002-0, "Already shut off")

// Safety (questions 7-10, HITS), scored 1-5 each; total 4-20.
* item[+] insert InstrGroup(ahc-hrsn-safety, "AHC HRSN safety", [["Safety. Because violence and abuse happens to a lot of people and affects their health we are asking the following questions."]], true)
* item[=].item[+] insert InstrChoice(http://loinc.org, 95618-5, "Physically hurt you [HITS]", [["How often does anyone, including family and friends, physically hurt you?"]], true)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAhcSafetyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 95617-7, "Insult you or talk down to you [HITS]", [["How often does anyone, including family and friends, insult or talk down to you?"]], true)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAhcSafetyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 95616-9, "Threaten you with physical harm [HITS]", [["How often does anyone, including family and friends, threaten you with harm?"]], true)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAhcSafetyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 95615-1, "Scream or curse at you [HITS]", [["How often does anyone, including family and friends, scream or curse at you?"]], true)
* item[=].item[=] insert InstrExtract
* item[=].item[=] insert InstrAhcSafetyAnswers
* item[=].item[+] insert InstrTotal(http://loinc.org, 95614-4, "Total score [HITS]", [["Total safety score (4-20); 11 or more may mean the person is not safe"]])
* item[=].item[=] insert InstrCalculated([["%resource.item.where(linkId = 'ahc-hrsn-safety').item.answer.value.ordinal().aggregate($this + $total, 0)"]])
* item[=].item[=] insert InstrBand(ahc-hrsn-safety-negative, "Interpersonal safety screen negative", 4, 10)
* item[=].item[=] insert InstrBand(ahc-hrsn-safety-positive, "Interpersonal safety screen positive", 11, 20)

// HITS frequency answers, scored 1-5 (used only in this file).
RuleSet: InstrAhcSafetyAnswers
* insert InstrScoredAnswer(http://loinc.org, LA6270-8, "Never", 1)
* insert InstrScoredAnswer(http://loinc.org, LA10066-1, "Rarely", 2)
* insert InstrScoredAnswer(http://loinc.org, LA10082-8, "Sometimes", 3)
* insert InstrScoredAnswer(http://loinc.org, LA16644-9, "Fairly often", 4)
* insert InstrScoredAnswer(http://loinc.org, LA6482-9, "Frequently", 5)

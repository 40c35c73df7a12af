// AUDIT-C (Alcohol Use Disorders Identification Test - Consumption), LOINC panel 72109-2.
//
// Sources checked:
// - LOINC's own FHIR Questionnaire for the panel (http://loinc.org/q/72109-2, Regenstrief, as
//   copied in github.com/jmandel/ktc-questionnaire-starters fhir-loinc/72109-2.json): items
//   68518-0, 68519-8, 68520-6 with their answer lists:
//     68518-0: LA6270-8 Never, LA18926-8 Monthly or less, LA18927-6 2-4 times a month,
//              LA18928-4 2-3 times a week, LA18929-2 4 or more times a week
//     68519-8: LA15694-5 1 or 2, LA15695-2 3 or 4, LA18930-0 5 or 6, LA18931-8 7 to 9,
//              LA18932-6 10 or more
//     68520-6: LA6270-8 Never, LA18933-4 Less than monthly, LA18876-5 Monthly, LA18891-4 Weekly,
//              LA18934-2 Daily or almost daily
//   (the same repository's generator states these were checked against LOINC 2.82 answer lists
//   LL2179-1 / LL2180-9 / LL2181-7), plus an uncoded total score item.
// - Total score 75626-2 "Total score [AUDIT-C]": US Core example
//   (github.com/HL7/US-Core input/examples/Observation-AUDIT-C-item-example-75626-2.json) and the
//   same generator (checked against the LOINC table).
// - Scoring 0-4 per item in answer-list order, total 0-12: WHO AUDIT manual (Babor et al. 2001)
//   items 1-3; Bush K et al., Arch Intern Med 1998;158:1789-95.
//
// Not confirmed / notes:
// - Some public code uses 75624-7 for the AUDIT-C total; that is the full AUDIT's total score
//   code, not AUDIT-C's, and is not used here.
// - Item text is the WHO AUDIT wording of questions 1-3 as recalled from the WHO manual (not
//   compared against a copy of it); code displays are LOINC's question text ("How many standard
//   drinks containing alcohol do you have on a typical day?", "How often do you have 6 or more
//   drinks on 1 occasion?"). Published AUDIT-C forms vary slightly in wording (e.g. "standard
//   drinks", "in the past year"); the answer categories and scores are the same.
// - Positive screen: 4 or more for men, 3 or more for women (Bradley KA et al., AUDIT-C as a brief
//   screen for alcohol misuse in primary care, Alcohol Clin Exp Res 2007;31:1208-17; the cut-points
//   of the US VA and of NIAAA's guide). The sex comes from the response's subject (Patient.gender);
//   anyone not recorded as male is screened with the lower threshold, the more sensitive one.

Instance: AuditC
InstanceOf: Questionnaire
Usage: #definition
Title: "AUDIT-C"
Description: "Alcohol Use Disorders Identification Test - Consumption (AUDIT-C), 3-item alcohol use screen. Scoring: items 0-4, total 0-12; positive at 4 or more for men, 3 or more for women and anyone not recorded as male, recorded as a need. Sources: Bush K et al. Arch Intern Med 1998;158:1789-95; Bradley KA et al. Alcohol Clin Exp Res 2007;31:1208-17."
* insert InstrQuestionnaire(audit-c, AuditC, [["Alcohol Use Disorders Identification Test - Consumption (AUDIT-C)"]])
* code = http://loinc.org#72109-2 "Alcohol use disorder identification test-consumption"
* insert InstrNeed(need-unhealthy-alcohol-use, [["Unhealthy alcohol use (AUDIT-C positive)"]], substance-use-treatment, [["%resource.repeat(item).where(linkId = '75626-2').answer.value >= iif(%resource.subject.resolve().gender = 'male', 4, 3)"]])
* copyright = "AUDIT-C is derived from the WHO Alcohol Use Disorders Identification Test (AUDIT), which may be reproduced without permission. LOINC codes: LOINC is copyright Regenstrief Institute, Inc. and the LOINC Committee, available at no cost under the license at http://loinc.org/license."

* item[+] insert InstrChoice(http://loinc.org, 68518-0, "How often do you have a drink containing alcohol?", "How often do you have a drink containing alcohol?", true)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA6270-8, "Never", 0)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18926-8, "Monthly or less", 1)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18927-6, "2-4 times a month", 2)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18928-4, "2-3 times a week", 3)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18929-2, "4 or more times a week", 4)

* item[+] insert InstrChoice(http://loinc.org, 68519-8, "How many standard drinks containing alcohol do you have on a typical day?", "How many drinks containing alcohol do you have on a typical day when you are drinking?", true)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA15694-5, "1 or 2", 0)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA15695-2, "3 or 4", 1)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18930-0, "5 or 6", 2)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18931-8, "7 to 9", 3)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18932-6, "10 or more", 4)

* item[+] insert InstrChoice(http://loinc.org, 68520-6, "How often do you have 6 or more drinks on 1 occasion?", "How often do you have six or more drinks on one occasion?", true)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA6270-8, "Never", 0)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18933-4, "Less than monthly", 1)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18876-5, "Monthly", 2)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18891-4, "Weekly", 3)
* item[=] insert InstrScoredAnswer(http://loinc.org, LA18934-2, "Daily or almost daily", 4)

* item[+] insert InstrTotal(http://loinc.org, 75626-2, "Total score [AUDIT-C]", [["AUDIT-C total score (0-12)"]])
* item[=] insert InstrCalculated([["%resource.item.answer.value.ordinal().aggregate($this + $total, 0)"]])
* item[=] insert InstrConditionalBand(audit-c-positive, "AUDIT-C positive screen", 4, 12, [["%resource.subject.resolve().gender = 'male'"]])
* item[=] insert InstrConditionalBand(audit-c-negative, "AUDIT-C negative screen", 0, 3, [["%resource.subject.resolve().gender = 'male'"]])
* item[=] insert InstrBand(audit-c-positive, "AUDIT-C positive screen", 3, 12)
* item[=] insert InstrBand(audit-c-negative, "AUDIT-C negative screen", 0, 2)

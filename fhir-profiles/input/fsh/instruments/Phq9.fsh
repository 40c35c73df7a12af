// PHQ-9 (Patient Health Questionnaire, 9 items), LOINC panel 44249-1.
//
// Sources checked:
// - LOINC's own FHIR Questionnaire for the panel (http://loinc.org/q/44249-1, Regenstrief, as copied
//   in github.com/jmandel/ktc-questionnaire-starters fhir-loinc/44249-1.json): item codes 44250-9,
//   44255-8, 44259-0, 44254-1, 44251-7, 44258-2, 44252-5, 44253-3, 44260-8 in that order; answers
//   LA6568-5 / LA6569-3 / LA6570-1 / LA6571-9; difficulty item 69722-7 with answers LA6572-7,
//   LA6573-5, LA6575-0, LA6574-3; total score item.
// - NLM LHC-Forms export of the same panel (github.com/LHNCBC/lforms-fhir-app
//   e2e-tests/data/R4/phq9.json): same codes, ordinalValue 0-3 per answer, total score 44261-6
//   "Patient health questionnaire 9 item total score", difficulty 69722-7 not scored.
// - US Core examples (github.com/HL7/US-Core input/examples/Observation-PHQ9-item-example-*.json)
//   use the same item, total (44261-6) and difficulty (69722-7) codes.
// - Published form (Spitzer, Williams, Kroenke; Pfizer, no permission required to reproduce):
//   lead-in, item wording and scoring 0-3, total 0-27; Kroenke K et al., J Gen Intern Med 2001.
// - Severity bands 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe,
//   and 10 or more as the usual cut-off for depression: Kroenke K, Spitzer RL, Williams JBW. The
//   PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16:606-13.
// - Item 9 (thoughts of death or self-harm) answered above "Not at all" needs follow-up whatever
//   the total: the PHQ-9 instructions (Pfizer) ask the clinician to assess suicide risk then.
//
// Not confirmed / notes:
// - Item text follows the published Pfizer form; LOINC's question text differs slightly for items
//   6, 8 and 9 (punctuation, "you were moving" vs "you have been moving"). Code displays are
//   LOINC's text as shown in LOINC's FHIR Questionnaire.
// - LOINC's form marks item 9 (44260-8) as not required; here all nine scored items are required
//   because the total score needs all nine answers.
// - The lead-in is carried by a group item; the group's code (phq9-problems) is a local
//   cb-assessment code, as LOINC has no code for it.

Instance: Phq9
InstanceOf: Questionnaire
Usage: #definition
Title: "PHQ-9"
Description: "Patient Health Questionnaire-9 (PHQ-9) depression screening and severity measure. Scoring: items 0-3, total 0-27; 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe depression; a total of 10 or more, and item 9 above 0, are recorded as needs. Source: Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606-13."
* insert InstrQuestionnaire(phq-9, Phq9, [["Patient Health Questionnaire-9 (PHQ-9)"]])
* code = http://loinc.org#44249-1 "PHQ-9 quick depression assessment panel"
* insert InstrNeed(need-depression, [["Depressive symptoms (PHQ-9 10 or more)"]], mental-health-services, [["%resource.repeat(item).where(linkId = '44261-6').answer.value >= 10"]])
* insert InstrNeed(need-suicide-risk, [["Thoughts of death or self-harm (PHQ-9 item 9)"]], mental-health-services, [["%resource.repeat(item).where(linkId = '44260-8').answer.value.ordinal() > 0"]])
* copyright = "PHQ-9: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute. LOINC codes: LOINC is copyright Regenstrief Institute, Inc. and the LOINC Committee, available at no cost under the license at http://loinc.org/license."

* item[+] insert InstrGroup(phq9-problems, "PHQ-9 problems over the last 2 weeks", [["Over the last 2 weeks, how often have you been bothered by any of the following problems?"]], true)
* item[=].item[+] insert InstrChoice(http://loinc.org, 44250-9, "Little interest or pleasure in doing things", "Little interest or pleasure in doing things", true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 44255-8, [["Feeling down, depressed, or hopeless"]], [["Feeling down, depressed, or hopeless"]], true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 44259-0, [["Trouble falling or staying asleep, or sleeping too much"]], [["Trouble falling or staying asleep, or sleeping too much"]], true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 44254-1, "Feeling tired or having little energy", "Feeling tired or having little energy", true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 44251-7, "Poor appetite or overeating", "Poor appetite or overeating", true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 44258-2, [["Feeling bad about yourself-or that you are a failure or have let yourself or your family down"]], [["Feeling bad about yourself — or that you are a failure or have let yourself or your family down"]], true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 44252-5, [["Trouble concentrating on things, such as reading the newspaper or watching television"]], [["Trouble concentrating on things, such as reading the newspaper or watching television"]], true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 44253-3, [["Moving or speaking so slowly that other people could have noticed. Or the opposite – being so fidgety or restless that you were moving around a lot more than usual"]], [["Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual"]], true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 44260-8, [["Thoughts that you would be better off dead, or of hurting yourself in some way"]], [["Thoughts that you would be better off dead or of hurting yourself in some way"]], true)
* item[=].item[=] insert InstrPhqFrequencyAnswers

* item[+] insert InstrTotal(http://loinc.org, 44261-6, "Patient health questionnaire 9 item total score", [["PHQ-9 total score (0-27)"]])
* item[=] insert InstrCalculated([["%resource.item.where(linkId = 'phq9-problems').item.answer.value.ordinal().aggregate($this + $total, 0)"]])
* item[=] insert InstrBand(phq9-minimal, "Minimal depression", 0, 4)
* item[=] insert InstrBand(phq9-mild, "Mild depression", 5, 9)
* item[=] insert InstrBand(phq9-moderate, "Moderate depression", 10, 14)
* item[=] insert InstrBand(phq9-moderately-severe, "Moderately severe depression", 15, 19)
* item[=] insert InstrBand(phq9-severe, "Severe depression", 20, 27)

// Not scored.
* item[+] insert InstrChoice(http://loinc.org, 69722-7, [["How difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?"]], [["If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?"]], false)
* item[=] insert InstrPhqDifficultyAnswers

// GAD-7 (Generalized Anxiety Disorder, 7 items), LOINC panel 69737-5.
//
// Sources checked:
// - LOINC's own FHIR Questionnaire for the panel (http://loinc.org/q/69737-5, Regenstrief, last
//   updated 2026-02, as copied in github.com/jmandel/ktc-questionnaire-starters
//   fhir-loinc/69737-5.json): items 69725-0, 68509-9, 69733-4, 69734-2, 69735-9, 69689-8, 69736-7,
//   all with answers LA6568-5 / LA6569-3 / LA6570-1 / LA6571-9; a total score item; NO difficulty
//   item in the panel.
// - NLM LHC-Forms exports of 69737-5 (lformsVersion 34.3.0, seen in several public repositories):
//   same item codes, ordinalValue 0-3, total score 70274-6 "Generalized anxiety disorder 7 item
//   total score".
// - HL7 Personal Health Record IG example (github.com/HL7/personal-health-record-format-ig,
//   QuestionnaireResponse-ScoredAssessment-GAD7.fsh) uses the same seven item codes.
// - Published form: Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092-7
//   (Pfizer; no permission required to reproduce). Scoring 0-3 per item, total 0-21; cut-points 5,
//   10 and 15 for mild, moderate and severe anxiety, 10 or more warranting further evaluation
//   (same paper).
//
// Not confirmed / notes:
// - Difficulty item: LOINC 69726-8 could NOT be confirmed (it is not in LOINC's GAD-7 form, and the
//   public sources that use 69726-8 disagree on its meaning), so the item uses the local code
//   cb-assessment#gad7-difficulty. Its answers reuse the LOINC PHQ difficulty answers
//   (LA6572-7, LA6573-5, LA6575-0, LA6574-3), which are confirmed LOINC answer codes.
// - Older LHC-Forms exports give item 2 (68509-9) the answer LA18938-3 "More days than not" for
//   score 2; LOINC's current form uses LA6570-1 "More than half the days" for all seven items, and
//   so does this Questionnaire (it matches the published form).
// - Item text follows the published form; LOINC's question text for item 2 is "Over the past 2
//   weeks have you not been able to stop or control worrying" (used as the code display). The
//   difficulty question's wording ("If you checked any problems, how difficult have they made
//   it ...") is from the published form as remembered, not compared against a copy of it.
// - The lead-in is carried by a group item with the local code gad7-problems.

Instance: Gad7
InstanceOf: Questionnaire
Usage: #definition
Title: "GAD-7"
Description: "Generalized Anxiety Disorder 7-item scale (GAD-7) anxiety screening and severity measure. Scoring: items 0-3, total 0-21; 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 severe anxiety; 10 or more is recorded as a need. Source: Spitzer RL, Kroenke K, Williams JBW, Lowe B. Arch Intern Med 2006;166:1092-7."
* insert InstrQuestionnaire(gad-7, Gad7, [["Generalized Anxiety Disorder 7-item scale (GAD-7)"]])
* code = http://loinc.org#69737-5 "Generalized anxiety disorder 7 item"
* insert InstrNeed(need-anxiety, [["Anxiety symptoms (GAD-7 10 or more)"]], mental-health-services, [["%resource.repeat(item).where(linkId = '70274-6').answer.value >= 10"]])
* copyright = "GAD-7: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute. LOINC codes: LOINC is copyright Regenstrief Institute, Inc. and the LOINC Committee, available at no cost under the license at http://loinc.org/license."

* item[+] insert InstrGroup(gad7-problems, "GAD-7 problems over the last 2 weeks", [["Over the last 2 weeks, how often have you been bothered by the following problems?"]], true)
* item[=].item[+] insert InstrChoice(http://loinc.org, 69725-0, [["Feeling nervous, anxious or on edge"]], [["Feeling nervous, anxious, or on edge"]], true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 68509-9, "Over the past 2 weeks have you not been able to stop or control worrying", "Not being able to stop or control worrying", true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 69733-4, "Worrying too much about different things", "Worrying too much about different things", true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 69734-2, "Trouble relaxing", "Trouble relaxing", true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 69735-9, "Being so restless that it is hard to sit still", "Being so restless that it is hard to sit still", true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 69689-8, "Becoming easily annoyed or irritable.", "Becoming easily annoyed or irritable", true)
* item[=].item[=] insert InstrPhqFrequencyAnswers
* item[=].item[+] insert InstrChoice(http://loinc.org, 69736-7, "Feeling afraid as if something awful might happen", [["Feeling afraid, as if something awful might happen"]], true)
* item[=].item[=] insert InstrPhqFrequencyAnswers

* item[+] insert InstrTotal(http://loinc.org, 70274-6, "Generalized anxiety disorder 7 item total score", [["GAD-7 total score (0-21)"]])
* item[=] insert InstrCalculated([["%resource.item.where(linkId = 'gad7-problems').item.answer.value.ordinal().aggregate($this + $total, 0)"]])
* item[=] insert InstrBand(gad7-minimal, "Minimal anxiety", 0, 4)
* item[=] insert InstrBand(gad7-mild, "Mild anxiety", 5, 9)
* item[=] insert InstrBand(gad7-moderate, "Moderate anxiety", 10, 14)
* item[=] insert InstrBand(gad7-severe, "Severe anxiety", 15, 21)

// Not scored; local code (69726-8 unconfirmed, see above).
* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, gad7-difficulty, "GAD-7 difficulty caused by problems", [["If you checked any problems, how difficult have they made it for you to do your work, take care of things at home, or get along with other people?"]], false)
* item[=] insert InstrPhqDifficultyAnswers

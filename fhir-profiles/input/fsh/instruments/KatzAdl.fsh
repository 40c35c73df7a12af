// Katz Index of Independence in Activities of Daily Living (Katz ADL).
//
// Sources checked:
// - Katz S, Ford AB, Moskowitz RW, Jackson BA, Jaffe MW. Studies of illness in the aged. The Index
//   of ADL. JAMA 1963;185:914-9; Katz S, Down TD, Cash HR, Grotz RC. Progress in the development of
//   the Index of ADL. Gerontologist 1970;10:20-30.
// - The 1-point / 0-point version "slightly adapted from Katz et al. 1970" published by the
//   Hartford Institute for Geriatric Nursing ("Try This" series, issue 2; Shelkey & Wallace, rev.
//   Boltz & Shelkey 2007), as reproduced in several public copies: six functions (bathing,
//   dressing, toileting, transferring, continence, feeding), 1 point for independence (no
//   supervision, direction or personal assistance), 0 points for dependence; total 0-6
//   (6 = high, patient independent; 0 = low, patient very dependent). Answer texts are that version's.
//
// Not confirmed / notes:
// - No LOINC codes for the Katz Index were found; every item, answer, total and panel code is a
//   local cb-assessment code (katz-*).
// - The Hartford form prints the 0-point bathing text as "Need help with bathing ..."; it is given
//   here as "Needs help ...", and its "Mechanical transferring aides" as "aids".
// - The original 1963/1970 index grades A-G rather than summing points; the 0-6 sum is the
//   Hartford/Try This convention.
// - Interpretation (same Hartford sheet): 6 = full function, 4 = moderate impairment, 2 or less =
//   severe functional impairment. The sheet leaves 3 and 5 unnamed; here 3-5 are "moderate
//   impairment", and any score below 6 is recorded as a need for help with ADLs (home health).

Instance: KatzAdl
InstanceOf: Questionnaire
Usage: #definition
Title: "Katz ADL"
Description: "Katz Index of Independence in Activities of Daily Living: independence in bathing, dressing, toileting, transferring, continence and feeding (0-6). Scoring: 1 point per independent function, total 0-6; 6 full function, 3-5 moderate, 0-2 severe functional impairment; below 6 is recorded as a need. Source: Hartford Institute for Geriatric Nursing, Try This series issue 2 (after Katz S et al. Gerontologist 1970;10:20-30)."
* insert InstrQuestionnaire(katz-adl, KatzAdl, [["Katz Index of Independence in Activities of Daily Living"]])
* code = http://casebridge.org/fhir/CodeSystem/cb-assessment#katz-panel "Katz Index of Independence in ADL"
* insert InstrNeed(need-adl-dependence, [["Needs help with activities of daily living (Katz ADL below 6)"]], home-health, [["%resource.repeat(item).where(linkId = 'katz-total').answer.value < 6"]])

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-bathing, "Katz ADL: bathing", "Bathing", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-bathing-independent, [["Bathes self completely or needs help in bathing only a single part of the body such as the back, genital area or disabled extremity."]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-bathing-dependent, [["Needs help with bathing more than one part of the body, getting in or out of the tub or shower. Requires total bathing."]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-dressing, "Katz ADL: dressing", "Dressing", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-dressing-independent, [["Gets clothes from closets and drawers and puts on clothes and outer garments complete with fasteners. May have help tying shoes."]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-dressing-dependent, [["Needs help with dressing self or needs to be completely dressed."]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-toileting, "Katz ADL: toileting", "Toileting", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-toileting-independent, [["Goes to toilet, gets on and off, arranges clothes, cleans genital area without help."]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-toileting-dependent, [["Needs help transferring to the toilet, cleaning self or uses bedpan or commode."]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-transferring, "Katz ADL: transferring", "Transferring", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-transferring-independent, [["Moves in and out of bed or chair unassisted. Mechanical transferring aids are acceptable."]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-transferring-dependent, [["Needs help in moving from bed to chair or requires a complete transfer."]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-continence, "Katz ADL: continence", "Continence", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-continence-independent, [["Exercises complete self control over urination and defecation."]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-continence-dependent, [["Is partially or totally incontinent of bowel or bladder."]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-feeding, "Katz ADL: feeding", "Feeding", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-feeding-independent, [["Gets food from plate into mouth without help. Preparation of food may be done by another person."]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-feeding-dependent, [["Needs partial or total help with feeding or requires parenteral feeding."]], 0)

* item[+] insert InstrTotal(http://casebridge.org/fhir/CodeSystem/cb-assessment, katz-total, "Katz ADL total score", [["Katz ADL total score (0-6; 6 = independent, 0 = very dependent)"]])
* item[=] insert InstrCalculated([["%resource.item.answer.value.ordinal().aggregate($this + $total, 0)"]])
* item[=] insert InstrBand(katz-severe-impairment, "Severe functional impairment", 0, 2)
* item[=] insert InstrBand(katz-moderate-impairment, "Moderate functional impairment", 3, 5)
* item[=] insert InstrBand(katz-full-function, "Full function", 6, 6)

// Lawton Instrumental Activities of Daily Living (IADL) Scale (Lawton-Brody).
//
// Sources checked:
// - Lawton MP, Brody EM. Assessment of older people: self-maintaining and instrumental activities
//   of daily living. Gerontologist 1969;9(3):179-86 (copyright The Gerontological Society of
//   America).
// - The 1/0 scoring sheet as published by the Hartford Institute for Geriatric Nursing ("Try This"
//   series, issue 23; Graf C, Am J Nurs 2008) and reproduced in Mt Sinai J Med 2012;79:95-106
//   (Table 2, PMC3261586) and Br J Anaesth 2015;115 Suppl 2:ii15-25 (Table 4, PMC4809989):
//   eight domains A-H, answer options in published order, each scored 1 or 0; total 0-8
//   ("circle the item that most closely describes the person's highest level of functioning").
//   The scores per option used here match both reproductions:
//     telephone 1,1,1,0; shopping 1,0,0,0; food preparation 1,0,0,0; housekeeping 1,1,1,1,0;
//     laundry 1,1,0; transportation 1,1,1,0,0; medications 1,0,0; finances 1,1,0.
//
// Not confirmed / notes:
// - No LOINC codes for the Lawton IADL scale were found; every item, answer, total and panel code
//   is a local cb-assessment code (lawton-*). Answer codes are numbered in published order
//   (e.g. lawton-telephone-1 is the first, most independent option).
// - Wording follows the Hartford/Mt Sinai sheet; Lawton & Brody's original has small differences
//   (e.g. transportation option 3 "when accompanied by another" vs "when assisted or accompanied by
//   another"; food preparation option 3 "Heats, serves and prepares meals ...").
// - Historically men were scored on 5 domains only (food preparation, housekeeping and laundry
//   excluded, total 0-5); this Questionnaire scores all eight domains for everyone (0-8).
// - The scale has no published cut-off: the score is recorded without a band or a need, and is
//   read as a trend over time for the same person.

Instance: LawtonIadl
InstanceOf: Questionnaire
Usage: #definition
Title: "Lawton IADL"
Description: "Lawton Instrumental Activities of Daily Living Scale: telephone, shopping, food preparation, housekeeping, laundry, transportation, medications and finances (0-8). Scoring: 1 or 0 per domain, total 0-8; the scale has no published cut-off, so no band. Sources: Lawton MP, Brody EM. Gerontologist 1969;9:179-86; Hartford Institute for Geriatric Nursing, Try This series issue 23."
* insert InstrQuestionnaire(lawton-iadl, LawtonIadl, [["Lawton Instrumental Activities of Daily Living (IADL) Scale"]])
* code = http://casebridge.org/fhir/CodeSystem/cb-assessment#lawton-panel "Lawton IADL Scale"
* copyright = "Lawton MP, Brody EM. Gerontologist 1969;9:179-86. Copyright The Gerontological Society of America."

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-telephone, "Lawton IADL: ability to use telephone", "Ability to use telephone", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-telephone-1, [["Operates telephone on own initiative; looks up and dials numbers"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-telephone-2, [["Dials a few well-known numbers"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-telephone-3, [["Answers telephone, but does not dial"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-telephone-4, [["Does not use telephone at all"]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-shopping, "Lawton IADL: shopping", "Shopping", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-shopping-1, [["Takes care of all shopping needs independently"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-shopping-2, [["Shops independently for small purchases"]], 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-shopping-3, [["Needs to be accompanied on any shopping trip"]], 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-shopping-4, [["Completely unable to shop"]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-food-preparation, "Lawton IADL: food preparation", "Food preparation", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-food-preparation-1, [["Plans, prepares, and serves adequate meals independently"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-food-preparation-2, [["Prepares adequate meals if supplied with ingredients"]], 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-food-preparation-3, [["Heats and serves prepared meals or prepares meals but does not maintain adequate diet"]], 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-food-preparation-4, [["Needs to have meals prepared and served"]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-housekeeping, "Lawton IADL: housekeeping", "Housekeeping", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-housekeeping-1, [["Maintains house alone or with occasional assistance (e.g., heavy work domestic help)"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-housekeeping-2, [["Performs light daily tasks such as dishwashing, bed making"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-housekeeping-3, [["Performs light daily tasks but cannot maintain acceptable level of cleanliness"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-housekeeping-4, [["Needs help with all home maintenance tasks"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-housekeeping-5, [["Does not participate in any housekeeping tasks"]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-laundry, "Lawton IADL: laundry", "Laundry", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-laundry-1, [["Does personal laundry completely"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-laundry-2, [["Launders small items; rinses socks, stockings, etc."]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-laundry-3, [["All laundry must be done by others"]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-transportation, "Lawton IADL: mode of transportation", "Mode of transportation", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-transportation-1, [["Travels independently on public transportation or drives own car"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-transportation-2, [["Arranges own travel via taxi, but does not otherwise use public transportation"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-transportation-3, [["Travels on public transportation when assisted or accompanied by another"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-transportation-4, [["Travel limited to taxi or automobile with assistance of another"]], 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-transportation-5, [["Does not travel at all"]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-medications, "Lawton IADL: responsibility for own medications", "Responsibility for own medications", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-medications-1, [["Is responsible for taking medication in correct dosages at correct time"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-medications-2, [["Takes responsibility if medication is prepared in advance in separate dosages"]], 0)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-medications-3, [["Is not capable of dispensing own medication"]], 0)

* item[+] insert InstrChoice(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-finances, "Lawton IADL: ability to handle finances", "Ability to handle finances", true)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-finances-1, [["Manages financial matters independently (budgets, writes checks, pays rent, bills, goes to bank), collects and keeps track of income"]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-finances-2, [["Manages day-to-day purchases, but needs help with banking, major purchases, etc."]], 1)
* item[=] insert InstrScoredAnswer(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-finances-3, [["Incapable of handling money"]], 0)

* item[+] insert InstrTotal(http://casebridge.org/fhir/CodeSystem/cb-assessment, lawton-total, "Lawton IADL total score", [["Lawton IADL total score (0-8; higher = more independent)"]])
* item[=] insert InstrCalculated([["%resource.item.answer.value.ordinal().aggregate($this + $total, 0)"]])

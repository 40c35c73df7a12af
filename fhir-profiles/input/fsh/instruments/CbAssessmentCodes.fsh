// CodeSystem cb-assessment: codes for the assessment-instrument Questionnaires in this folder
// wherever no LOINC code could be confirmed (see the comment block at the top of each instrument
// file for what was checked). Codes are kebab-case and prefixed by instrument (phq9-, gad7-,
// dast10-, ahc-hrsn-, katz-, lawton-, lace-). Item groups that only carry an instrument's lead-in
// text or a domain heading also get a code here, because every Questionnaire item carries a code.
// Answer codes are listed in the order the published instrument lists them; their scores are
// carried by the Questionnaires (ordinalValue), and repeated in the definitions for reference.
// When a LOINC code for one of these concepts is confirmed, switch the Questionnaire to LOINC
// and mark the local code here as deprecated rather than deleting it.

CodeSystem: CbAssessmentCodes
Id: cb-assessment
Title: "CaseBridge Assessment Codes"
Description: "Codes for assessment-instrument items, answers, scores and groups (Katz ADL, Lawton IADL, LACE index, DAST-10 and grouping items of PHQ-9, GAD-7 and AHC HRSN) for which no LOINC code could be confirmed."
* ^url = "http://casebridge.org/fhir/CodeSystem/cb-assessment"
* ^status = #active
* ^caseSensitive = true
* ^content = #complete

// PHQ-9 (Questionnaire phq-9; LOINC panel 44249-1)
* #phq9-problems "PHQ-9 problems over the last 2 weeks" "Group of the nine scored PHQ-9 items, introduced by the lead-in question \"Over the last 2 weeks, how often have you been bothered by any of the following problems?\""

// GAD-7 (Questionnaire gad-7; LOINC panel 69737-5)
* #gad7-problems "GAD-7 problems over the last 2 weeks" "Group of the seven scored GAD-7 items, introduced by the lead-in question \"Over the last 2 weeks, how often have you been bothered by the following problems?\""
* #gad7-difficulty "GAD-7 difficulty caused by problems" "Optional, unscored GAD-7 question: how difficult the problems have made it to work, take care of things at home or get along with other people. Local code because LOINC 69726-8 could not be confirmed."

// DAST-10 (Questionnaire dast-10). Answers use LOINC LA33-6 Yes / LA32-8 No.
* #dast10-panel "DAST-10 panel" "Drug Abuse Screening Test, 10-item version (Skinner 1982): drug use problems in the past 12 months, excluding alcohol."
* #dast10-questions "DAST-10 questions" "Group of the ten DAST-10 questions, introduced by the DAST-10 instructions."
* #dast10-q1 "DAST-10 question 1: drugs other than for medical reasons" "DAST-10 question 1: Have you used drugs other than those required for medical reasons? Yes = 1 point, No = 0."
* #dast10-q2 "DAST-10 question 2: more than one drug at a time" "DAST-10 question 2: Do you abuse more than one drug at a time? Yes = 1 point, No = 0."
* #dast10-q3 "DAST-10 question 3: always able to stop (reverse-scored)" "DAST-10 question 3: Are you always able to stop using drugs when you want to? Reverse-scored: No = 1 point, Yes = 0."
* #dast10-q4 "DAST-10 question 4: blackouts or flashbacks" "DAST-10 question 4: Have you had blackouts or flashbacks as a result of drug use? Yes = 1 point, No = 0."
* #dast10-q5 "DAST-10 question 5: feel bad or guilty" "DAST-10 question 5: Do you ever feel bad or guilty about your drug use? Yes = 1 point, No = 0."
* #dast10-q6 "DAST-10 question 6: spouse or parents complain" "DAST-10 question 6: Does your spouse (or parents) ever complain about your involvement with drugs? Yes = 1 point, No = 0."
* #dast10-q7 "DAST-10 question 7: neglected family" "DAST-10 question 7: Have you neglected your family because of your use of drugs? Yes = 1 point, No = 0."
* #dast10-q8 "DAST-10 question 8: illegal activities to obtain drugs" "DAST-10 question 8: Have you engaged in illegal activities in order to obtain drugs? Yes = 1 point, No = 0."
* #dast10-q9 "DAST-10 question 9: withdrawal symptoms" "DAST-10 question 9: Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs? Yes = 1 point, No = 0."
* #dast10-q10 "DAST-10 question 10: medical problems from drug use" "DAST-10 question 10: Have you had medical problems as a result of your drug use (e.g., memory loss, hepatitis, convulsions, bleeding, etc.)? Yes = 1 point, No = 0."
* #dast10-total "DAST-10 total score" "Sum of the ten DAST-10 item scores, 0-10 (0 none, 1-2 low, 3-5 moderate, 6-8 substantial, 9-10 severe)."

// AHC HRSN core questions (Questionnaire ahc-hrsn-core; LOINC panel 96777-8): domain groups only
* #ahc-hrsn-living-situation "AHC HRSN living situation" "Group of the AHC HRSN living situation questions (LOINC 71802-3 and 96778-6)."
* #ahc-hrsn-food "AHC HRSN food" "Group of the AHC HRSN food questions (LOINC 88122-7 and 88123-5) with their lead-in text."
* #ahc-hrsn-transportation "AHC HRSN transportation" "Group of the AHC HRSN transportation question (LOINC 93030-5)."
* #ahc-hrsn-utilities "AHC HRSN utilities" "Group of the AHC HRSN utilities question (LOINC 96779-4)."
* #ahc-hrsn-safety "AHC HRSN safety" "Group of the AHC HRSN interpersonal safety questions (HITS, LOINC 95618-5, 95617-7, 95616-9, 95615-1) and their total (LOINC 95614-4), with the lead-in text."

// Katz Index of Independence in ADL (Questionnaire katz-adl)
* #katz-panel "Katz Index of Independence in ADL" "Katz Index of Independence in Activities of Daily Living (Katz et al. 1963, 1970), 1/0-point version: six functions, 1 point each when done without supervision, direction or personal assistance."
* #katz-bathing "Katz ADL: bathing" "Katz ADL function: bathing. Independent = 1 point, dependent = 0."
* #katz-bathing-independent "Bathes self completely or needs help in bathing only a single part of the body such as the back, genital area or disabled extremity." "Katz ADL bathing: independent (1 point)."
* #katz-bathing-dependent "Needs help with bathing more than one part of the body, getting in or out of the tub or shower. Requires total bathing." "Katz ADL bathing: dependent (0 points)."
* #katz-dressing "Katz ADL: dressing" "Katz ADL function: dressing. Independent = 1 point, dependent = 0."
* #katz-dressing-independent "Gets clothes from closets and drawers and puts on clothes and outer garments complete with fasteners. May have help tying shoes." "Katz ADL dressing: independent (1 point)."
* #katz-dressing-dependent "Needs help with dressing self or needs to be completely dressed." "Katz ADL dressing: dependent (0 points)."
* #katz-toileting "Katz ADL: toileting" "Katz ADL function: toileting. Independent = 1 point, dependent = 0."
* #katz-toileting-independent "Goes to toilet, gets on and off, arranges clothes, cleans genital area without help." "Katz ADL toileting: independent (1 point)."
* #katz-toileting-dependent "Needs help transferring to the toilet, cleaning self or uses bedpan or commode." "Katz ADL toileting: dependent (0 points)."
* #katz-transferring "Katz ADL: transferring" "Katz ADL function: transferring. Independent = 1 point, dependent = 0."
* #katz-transferring-independent "Moves in and out of bed or chair unassisted. Mechanical transferring aids are acceptable." "Katz ADL transferring: independent (1 point)."
* #katz-transferring-dependent "Needs help in moving from bed to chair or requires a complete transfer." "Katz ADL transferring: dependent (0 points)."
* #katz-continence "Katz ADL: continence" "Katz ADL function: continence. Independent = 1 point, dependent = 0."
* #katz-continence-independent "Exercises complete self control over urination and defecation." "Katz ADL continence: independent (1 point)."
* #katz-continence-dependent "Is partially or totally incontinent of bowel or bladder." "Katz ADL continence: dependent (0 points)."
* #katz-feeding "Katz ADL: feeding" "Katz ADL function: feeding. Independent = 1 point, dependent = 0."
* #katz-feeding-independent "Gets food from plate into mouth without help. Preparation of food may be done by another person." "Katz ADL feeding: independent (1 point)."
* #katz-feeding-dependent "Needs partial or total help with feeding or requires parenteral feeding." "Katz ADL feeding: dependent (0 points)."
* #katz-total "Katz ADL total score" "Sum of the six Katz ADL function scores, 0-6 (6 = independent, 0 = very dependent)."

// Lawton IADL Scale (Questionnaire lawton-iadl). Answer codes are numbered in published order.
* #lawton-panel "Lawton IADL Scale" "Lawton Instrumental Activities of Daily Living Scale (Lawton & Brody 1969): eight domains, each scored 1 or 0 at the person's highest level of functioning."
* #lawton-telephone "Lawton IADL: ability to use telephone" "Lawton IADL domain A: ability to use telephone. Scored 1 or 0 by the option chosen."
* #lawton-telephone-1 "Operates telephone on own initiative; looks up and dials numbers" "Lawton IADL ability to use telephone, option 1 (1 point)."
* #lawton-telephone-2 "Dials a few well-known numbers" "Lawton IADL ability to use telephone, option 2 (1 point)."
* #lawton-telephone-3 "Answers telephone, but does not dial" "Lawton IADL ability to use telephone, option 3 (1 point)."
* #lawton-telephone-4 "Does not use telephone at all" "Lawton IADL ability to use telephone, option 4 (0 points)."
* #lawton-shopping "Lawton IADL: shopping" "Lawton IADL domain B: shopping. Scored 1 or 0 by the option chosen."
* #lawton-shopping-1 "Takes care of all shopping needs independently" "Lawton IADL shopping, option 1 (1 point)."
* #lawton-shopping-2 "Shops independently for small purchases" "Lawton IADL shopping, option 2 (0 points)."
* #lawton-shopping-3 "Needs to be accompanied on any shopping trip" "Lawton IADL shopping, option 3 (0 points)."
* #lawton-shopping-4 "Completely unable to shop" "Lawton IADL shopping, option 4 (0 points)."
* #lawton-food-preparation "Lawton IADL: food preparation" "Lawton IADL domain C: food preparation. Scored 1 or 0 by the option chosen."
* #lawton-food-preparation-1 "Plans, prepares, and serves adequate meals independently" "Lawton IADL food preparation, option 1 (1 point)."
* #lawton-food-preparation-2 "Prepares adequate meals if supplied with ingredients" "Lawton IADL food preparation, option 2 (0 points)."
* #lawton-food-preparation-3 "Heats and serves prepared meals or prepares meals but does not maintain adequate diet" "Lawton IADL food preparation, option 3 (0 points)."
* #lawton-food-preparation-4 "Needs to have meals prepared and served" "Lawton IADL food preparation, option 4 (0 points)."
* #lawton-housekeeping "Lawton IADL: housekeeping" "Lawton IADL domain D: housekeeping. Scored 1 or 0 by the option chosen."
* #lawton-housekeeping-1 "Maintains house alone or with occasional assistance (e.g., heavy work domestic help)" "Lawton IADL housekeeping, option 1 (1 point)."
* #lawton-housekeeping-2 "Performs light daily tasks such as dishwashing, bed making" "Lawton IADL housekeeping, option 2 (1 point)."
* #lawton-housekeeping-3 "Performs light daily tasks but cannot maintain acceptable level of cleanliness" "Lawton IADL housekeeping, option 3 (1 point)."
* #lawton-housekeeping-4 "Needs help with all home maintenance tasks" "Lawton IADL housekeeping, option 4 (1 point)."
* #lawton-housekeeping-5 "Does not participate in any housekeeping tasks" "Lawton IADL housekeeping, option 5 (0 points)."
* #lawton-laundry "Lawton IADL: laundry" "Lawton IADL domain E: laundry. Scored 1 or 0 by the option chosen."
* #lawton-laundry-1 "Does personal laundry completely" "Lawton IADL laundry, option 1 (1 point)."
* #lawton-laundry-2 "Launders small items; rinses socks, stockings, etc." "Lawton IADL laundry, option 2 (1 point)."
* #lawton-laundry-3 "All laundry must be done by others" "Lawton IADL laundry, option 3 (0 points)."
* #lawton-transportation "Lawton IADL: mode of transportation" "Lawton IADL domain F: mode of transportation. Scored 1 or 0 by the option chosen."
* #lawton-transportation-1 "Travels independently on public transportation or drives own car" "Lawton IADL mode of transportation, option 1 (1 point)."
* #lawton-transportation-2 "Arranges own travel via taxi, but does not otherwise use public transportation" "Lawton IADL mode of transportation, option 2 (1 point)."
* #lawton-transportation-3 "Travels on public transportation when assisted or accompanied by another" "Lawton IADL mode of transportation, option 3 (1 point)."
* #lawton-transportation-4 "Travel limited to taxi or automobile with assistance of another" "Lawton IADL mode of transportation, option 4 (0 points)."
* #lawton-transportation-5 "Does not travel at all" "Lawton IADL mode of transportation, option 5 (0 points)."
* #lawton-medications "Lawton IADL: responsibility for own medications" "Lawton IADL domain G: responsibility for own medications. Scored 1 or 0 by the option chosen."
* #lawton-medications-1 "Is responsible for taking medication in correct dosages at correct time" "Lawton IADL responsibility for own medications, option 1 (1 point)."
* #lawton-medications-2 "Takes responsibility if medication is prepared in advance in separate dosages" "Lawton IADL responsibility for own medications, option 2 (0 points)."
* #lawton-medications-3 "Is not capable of dispensing own medication" "Lawton IADL responsibility for own medications, option 3 (0 points)."
* #lawton-finances "Lawton IADL: ability to handle finances" "Lawton IADL domain H: ability to handle finances. Scored 1 or 0 by the option chosen."
* #lawton-finances-1 "Manages financial matters independently (budgets, writes checks, pays rent, bills, goes to bank), collects and keeps track of income" "Lawton IADL ability to handle finances, option 1 (1 point)."
* #lawton-finances-2 "Manages day-to-day purchases, but needs help with banking, major purchases, etc." "Lawton IADL ability to handle finances, option 2 (1 point)."
* #lawton-finances-3 "Incapable of handling money" "Lawton IADL ability to handle finances, option 3 (0 points)."
* #lawton-total "Lawton IADL total score" "Sum of the eight Lawton IADL domain scores, 0-8 (higher = more independent)."

// LACE index (Questionnaire lace-index). Acuity answers use LOINC LA33-6 Yes / LA32-8 No.
* #lace-panel "LACE index" "LACE index for death or unplanned readmission within 30 days of discharge (van Walraven et al., CMAJ 2010)."
* #lace-length-of-stay "LACE: length of stay" "L: length of stay of the index admission, in bands scored 0, 1, 2, 3, 4, 5, 7."
* #lace-los-lt-1 "Less than 1 day" "LACE length of stay: less than 1 day (0 points)."
* #lace-los-1 "1 day" "LACE length of stay: 1 day (1 point)."
* #lace-los-2 "2 days" "LACE length of stay: 2 days (2 points)."
* #lace-los-3 "3 days" "LACE length of stay: 3 days (3 points)."
* #lace-los-4-6 "4-6 days" "LACE length of stay: 4-6 days (4 points)."
* #lace-los-7-13 "7-13 days" "LACE length of stay: 7-13 days (5 points)."
* #lace-los-14-plus "14 days or more" "LACE length of stay: 14 days or more (7 points)."
* #lace-acuity "LACE: acuity of admission" "A: whether the index admission was acute (emergent), i.e. an unplanned admission through the emergency department; yes = 3 points, no = 0."
* #lace-comorbidity "LACE: comorbidity (Charlson comorbidity index score)" "C: the Charlson comorbidity index score, in bands scored 0, 1, 2, 3, 5."
* #lace-cci-0 "Charlson score 0" "LACE comorbidity: Charlson score 0 (0 points)."
* #lace-cci-1 "Charlson score 1" "LACE comorbidity: Charlson score 1 (1 point)."
* #lace-cci-2 "Charlson score 2" "LACE comorbidity: Charlson score 2 (2 points)."
* #lace-cci-3 "Charlson score 3" "LACE comorbidity: Charlson score 3 (3 points)."
* #lace-cci-4-plus "Charlson score 4 or more" "LACE comorbidity: Charlson score 4 or more (5 points)."
* #lace-ed-visits "LACE: emergency department visits in the previous 6 months" "E: number of emergency department visits in the 6 months before the index admission, not counting the visit that led to it; scored 0-4."
* #lace-ed-0 "No visits" "LACE emergency department visits: no visits (0 points)."
* #lace-ed-1 "1 visit" "LACE emergency department visits: 1 visit (1 point)."
* #lace-ed-2 "2 visits" "LACE emergency department visits: 2 visits (2 points)."
* #lace-ed-3 "3 visits" "LACE emergency department visits: 3 visits (3 points)."
* #lace-ed-4-plus "4 or more visits" "LACE emergency department visits: 4 or more visits (4 points)."
* #lace-total "LACE index total score" "Sum of the L, A, C and E points, 0-19."

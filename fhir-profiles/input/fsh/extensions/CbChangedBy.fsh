// R4 names who changed a resource only in a Provenance, a resource apart with access rules of its
// own; a referral's story is read from its Task's versions, so each version names who wrote it.
Extension: CbChangedBy
Id: cb-changed-by
Title: "CaseBridge Changed By"
Description: "Who wrote this version of the resource, set by the server from the verified access token: the user (fhirUser), else the organisation a community organisation's backend service acts for (a reference), else the token's subject (an identifier). A value sent by a client is replaced; without access control the server knows no one and sets none."
Context: Meta
* ^status = #active
* value[x] only Reference(Practitioner or PractitionerRole or Organization or Patient or RelatedPerson)
* valueReference 1..1

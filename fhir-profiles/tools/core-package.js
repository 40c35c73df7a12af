// Builds the hl7.fhir.r4.core#4.0.1 package that SUSHI expects in its cache, from the
// conformance resources in the official R4 examples package (npm has no hl7.fhir.r4.core).
// Usage: node core-package.js <hl7.fhir.r4.examples dir> <target package dir>
const fs = require('fs');
const path = require('path');

const [source, target] = process.argv.slice(2);
const conformanceTypes = [
  'StructureDefinition', 'ValueSet', 'CodeSystem', 'ConceptMap', 'SearchParameter',
  'OperationDefinition', 'CapabilityStatement', 'CompartmentDefinition', 'NamingSystem'
];

fs.mkdirSync(target, { recursive: true });
for (const file of fs.readdirSync(source)) {
  if (conformanceTypes.includes(file.split('-')[0]) && file.endsWith('.json')) {
    fs.copyFileSync(path.join(source, file), path.join(target, file));
  }
}
fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({
  name: 'hl7.fhir.r4.core',
  version: '4.0.1',
  type: 'fhir.core',
  fhirVersions: ['4.0.1'],
  canonical: 'http://hl7.org/fhir',
  url: 'http://hl7.org/fhir/R4'
}, null, 2));

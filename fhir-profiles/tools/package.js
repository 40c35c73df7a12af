// Assembles SUSHI's output into a FHIR NPM package: package.json from sushi-config.yaml,
// conformance resources at the top, examples (Instances declared under input/fsh/examples)
// in example/, and an .index.json in each folder as FHIR package tools expect.
// Usage: node package.js <fhir-profiles dir> <sushi resources dir> <target package dir>
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const [root, generated, target] = process.argv.slice(2);
const config = YAML.parse(fs.readFileSync(path.join(root, 'sushi-config.yaml'), 'utf8'));

const exampleIds = new Set();
const examplesDir = path.join(root, 'input', 'fsh', 'examples');
for (const file of fs.readdirSync(examplesDir)) {
  const fsh = fs.readFileSync(path.join(examplesDir, file), 'utf8');
  for (const match of fsh.matchAll(/^Instance:\s*(\S+)/gm)) exampleIds.add(match[1]);
}

const folders = { [target]: [], [path.join(target, 'example')]: [] };
for (const folder of Object.keys(folders)) fs.mkdirSync(folder, { recursive: true });

for (const file of fs.readdirSync(generated).sort()) {
  const text = fs.readFileSync(path.join(generated, file), 'utf8');
  const resource = JSON.parse(text);
  const folder = exampleIds.has(resource.id) ? path.join(target, 'example') : target;
  fs.writeFileSync(path.join(folder, file), text);
  folders[folder].push({
    filename: file,
    resourceType: resource.resourceType,
    id: resource.id,
    ...(resource.url && { url: resource.url }),
    ...(resource.version && { version: resource.version }),
    ...(resource.kind && { kind: resource.kind }),
    ...(resource.type && { type: resource.type })
  });
}
for (const [folder, files] of Object.entries(folders)) {
  fs.writeFileSync(path.join(folder, '.index.json'), JSON.stringify({ 'index-version': 1, files }, null, 2) + '\n');
}

fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({
  name: config.id,
  version: config.version,
  canonical: config.canonical,
  url: config.canonical,
  title: config.title,
  description: config.description,
  fhirVersions: [config.fhirVersion],
  type: 'fhir.ig',
  license: config.license,
  author: config.publisher.name,
  dependencies: { 'hl7.fhir.r4.core': '4.0.1' }
}, null, 2) + '\n');

#!/usr/bin/env bash
# Generate synthetic FHIR R4 patients with Synthea 3.3.0, offline, in its own JVM and classpath
# (resolved from Maven Central by bench/synthea/pom.xml; never on the server's classpath).
#
# Usage: bench/synthea/generate.sh POPULATION SEED OUTDIR
# Leaves in OUTDIR (emptied first):
#   hospitalInformation.json, practitionerInformation.json  -- *batch* bundles (conditional
#       creates) of the Organizations/Locations and Practitioners/PractitionerRoles; the patient
#       bundles point at them with conditional references, so POST these two first, in this
#       order, and check each entry's response.status (a batch answers 200 even if entries fail);
#   <Given>_<Family>_<uuid>.json  -- one transaction bundle per patient (alive or deceased);
#   synthea.log                   -- Synthea's full console output.
# Same POPULATION + SEED => same patients (fixed reference date and clinician seed).
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: $0 POPULATION SEED OUTDIR" >&2; exit 2; }
POP=$1 SEED=$2 OUT=$3
[[ $POP =~ ^[0-9]+$ && $POP -ge 1 && $POP -le 1000 ]] || { echo "POPULATION must be 1..1000" >&2; exit 2; }
[[ $SEED =~ ^-?[0-9]+$ ]] || { echo "SEED must be an integer" >&2; exit 2; }
REF_DATE=${SYNTHEA_REF_DATE:-20250101}   # simulation "today": fixed so output does not drift
# Synthea's default (true) tags resources with US Core 5.0.1 profiles in meta.profile and adds
# DocumentReference/Provenance/Medication; false drops both (plain R4, fewer resource types).
US_CORE=${SYNTHEA_US_CORE:-true}

HERE=$(cd "$(dirname "$0")" && pwd)
CP_FILE=$HERE/target/classpath.txt

# 1. Resolve Synthea's classpath once (143 jars, ~210 MB in ~/.m2), then reuse it.
if [ ! -s "$CP_FILE" ] || [ "$HERE/pom.xml" -nt "$CP_FILE" ]; then
  echo "[synthea] resolving classpath from Maven Central..."
  mkdir -p "$HERE/target"
  mvn -B -q -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
fi

# 2. Fresh output dir; Synthea writes into OUT/fhir/, and runs with OUT as its working dir so
#    that nothing leaks into the repo.
if [ -n "$(ls -A "$OUT" 2>/dev/null)" ] && [ ! -f "$OUT/synthea.log" ]; then
  echo "OUTDIR $OUT is not empty and not an earlier output of this script" >&2; exit 2
fi
rm -rf "$OUT" && mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# 3. Run Synthea: FHIR R4 transaction bundles (plus hospital/practitioner bundles) only; every
#    other exporter off. Progress: one line per simulated patient, from Synthea's own log.
echo "[synthea] generating $POP patients, seed $SEED, reference date $REF_DATE, US Core $US_CORE -> $OUT"
start=$(date +%s)
if ! (cd "$OUT" && java -Xmx4g -cp "$(cat "$CP_FILE")" App \
    -p "$POP" -s "$SEED" -cs "$SEED" -r "$REF_DATE" \
    --exporter.baseDirectory="$OUT/" \
    --exporter.fhir.export=true \
    --exporter.fhir.transaction_bundle=true \
    --exporter.hospital.fhir.export=true \
    --exporter.practitioner.fhir.export=true \
    --exporter.fhir_stu3.export=false --exporter.fhir_dstu2.export=false \
    --exporter.hospital.fhir_stu3.export=false --exporter.hospital.fhir_dstu2.export=false \
    --exporter.practitioner.fhir_stu3.export=false --exporter.practitioner.fhir_dstu2.export=false \
    --exporter.fhir.bulk_data=false --exporter.groups.fhir.export=false \
    --exporter.ccda.export=false --exporter.csv.export=false --exporter.cpcds.export=false \
    --exporter.bfd.export=false --exporter.cdw.export=false --exporter.json.export=false \
    --exporter.text.export=false --exporter.text.per_encounter_export=false \
    --exporter.clinical_note.export=false --exporter.symptoms.csv.export=false \
    --exporter.symptoms.text.export=false --exporter.metadata.export=false \
    --exporter.years_of_history=10 --exporter.pretty_print=false \
    --exporter.fhir.use_us_core_ig="$US_CORE" \
    --generate.log_patients.detail=simple \
  ) 2>&1 | tee "$OUT/synthea.log" \
  | { grep --line-buffered -E '^[0-9]+ -- |^Records:|Exception|ERROR' || true; } | sed -u 's/^/[synthea] /'
then
  echo "[synthea] failed, see $OUT/synthea.log" >&2; exit 1
fi

# 4. Flatten OUT/fhir/ into OUT, giving the two information bundles stable names.
mv "$OUT"/fhir/hospitalInformation*.json "$OUT/hospitalInformation.json"
mv "$OUT"/fhir/practitionerInformation*.json "$OUT/practitionerInformation.json"
mv "$OUT"/fhir/*.json "$OUT"/ && rmdir "$OUT/fhir"

n=$(ls "$OUT"/*.json | grep -cv -e /hospitalInformation.json -e /practitionerInformation.json)
echo "[synthea] done in $(( $(date +%s) - start ))s: $n patient bundles, $(du -sh "$OUT" | cut -f1) in $OUT"

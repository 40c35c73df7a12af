#!/usr/bin/env bash
# Validated vs unvalidated create: the same CaseBridge build against the same PostgreSQL, once as
# is and once with the `baseline` profile (no write validation), alternating rounds.
#
#   bench/validated-create.sh [COUNT] [ROUNDS]      default 300 creates per resource, 2 rounds
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust) and a built jar (mvn package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-300}
rounds=${2:-2}
port=8190
db=casebridge_bench
jar=$(ls target/casebridge-*.jar | head -1)
examples=fhir-profiles/package/example

psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
  || psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db"

seed_examples() {
  python3 - "$1" "$examples" <<'PY'
import json, os, sys, urllib.request
base, folder = sys.argv[1], sys.argv[2]
entries = []
for name in sorted(os.listdir(folder)):
    if name.endswith(".json") and not name.startswith("."):
        r = json.load(open(os.path.join(folder, name)))
        entries.append({"resource": r, "request": {"method": "PUT", "url": f"{r['resourceType']}/{r['id']}"}})
body = json.dumps({"resourceType": "Bundle", "type": "transaction", "entry": entries}).encode()
urllib.request.urlopen(urllib.request.Request(base, data=body, method="POST",
                       headers={"Content-Type": "application/fhir+json"}))
PY
}

run_round() {
  local label=$1 profiles=$2
  SPRING_PROFILES_ACTIVE=$profiles CASEBRIDGE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db \
    CASEBRIDGE_DB_USER=postgres java -jar "$jar" --server.port=$port > "target/bench-$label.log" 2>&1 &
  local pid=$!
  until curl -sf "localhost:$port/actuator/health/readiness" > /dev/null; do sleep 1; done
  seed_examples "http://localhost:$port/fhir"
  for example in Patient-PatientRivera QuestionnaireResponse-QuestionnaireResponsePhq9 Task-TaskTherapyReferralRejected; do
    echo "$label $(bench/create_latency.py "http://localhost:$port/fhir" "$examples/$example.json" "$count")"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for round in $(seq 1 "$rounds"); do
  run_round validated postgres
  run_round unvalidated postgres,baseline
done | tee target/bench-validated-create.txt

python3 - target/bench-validated-create.txt <<'PY'
import json, sys, collections
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, data = line.split(" ", 1)
    d = json.loads(data)
    runs[(d["resource"], label)].append(d)
for resource in sorted({r for r, _ in runs}):
    v = [d["mean_ms"] for d in runs[(resource, "validated")]]
    u = [d["mean_ms"] for d in runs[(resource, "unvalidated")]]
    vm, um = sum(v) / len(v), sum(u) / len(u)
    print(f"{resource}: validated {vm:.2f} ms, unvalidated {um:.2f} ms, ratio {vm / um:.2f}x")
PY

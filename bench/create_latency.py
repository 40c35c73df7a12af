#!/usr/bin/env python3
"""Sequential FHIR creates from one client: prints throughput and p50/p95/p99 latency as JSON.

Usage: create_latency.py BASE_URL RESOURCE_JSON COUNT [WARMUP]
Each create gets a fresh identifier value so conditional logic and indexes see distinct data.
"""
import json
import statistics
import sys
import time
import urllib.request
import uuid


def create(base, resource):
    resource = dict(resource)
    resource.pop("id", None)
    identifier = {"system": "http://casebridge.org/fhir/sid/bench", "value": str(uuid.uuid4())}
    # A QuestionnaireResponse has at most one identifier; every other benchmarked type a list.
    resource["identifier"] = identifier if resource["resourceType"] == "QuestionnaireResponse" else [identifier]
    body = json.dumps(resource).encode()
    request = urllib.request.Request(f"{base}/{resource['resourceType']}", data=body, method="POST",
                                     headers={"Content-Type": "application/fhir+json",
                                              "Prefer": "return=minimal"})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        if response.status != 201:
            raise SystemExit(f"create answered {response.status}")
    return (time.perf_counter() - started) * 1000


def main():
    base, resource_file, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    warmup = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    with open(resource_file) as f:
        resource = json.load(f)
    for _ in range(warmup):
        create(base, resource)
    started = time.perf_counter()
    latencies = sorted(create(base, resource) for _ in range(count))
    elapsed = time.perf_counter() - started
    quantile = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(json.dumps({
        "resource": resource["resourceType"], "count": count,
        "per_second": round(count / elapsed, 1),
        "mean_ms": round(statistics.mean(latencies), 2),
        "p50_ms": round(quantile(0.50), 2), "p95_ms": round(quantile(0.95), 2), "p99_ms": round(quantile(0.99), 2),
    }))


if __name__ == "__main__":
    main()

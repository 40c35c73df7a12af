package org.casebridge.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Latencies of one measured operation, summarised as throughput and percentiles. */
final class Latencies {

	private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

	void add(long startNanos) {
		add(startNanos, System.nanoTime());
	}

	/** An operation that ended at {@code endNanos}, as another thread saw it end. */
	void add(long startNanos, long endNanos) {
		millis.add((endNanos - startNanos) / 1e6);
	}

	int count() {
		return millis.size();
	}

	double percentile(double quantile) {
		List<Double> sorted;
		synchronized (millis) {
			sorted = new ArrayList<>(millis);
		}
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(sorted);
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	/** The time spent waiting for the measured requests. */
	double totalSeconds() {
		synchronized (millis) {
			return millis.stream().mapToDouble(Double::doubleValue).sum() / 1000;
		}
	}

	double mean() {
		synchronized (millis) {
			return millis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		}
	}

	/** The figures every scenario reports: count, mean and p50/p95/p99 in ms, plus throughput. */
	Map<String, Object> summary(double elapsedSeconds) {
		return Map.of(
				"count", count(),
				"per_second", round(count() / elapsedSeconds),
				"mean_ms", round(mean()),
				"p50_ms", round(percentile(0.50)),
				"p95_ms", round(percentile(0.95)),
				"p99_ms", round(percentile(0.99)));
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}
}

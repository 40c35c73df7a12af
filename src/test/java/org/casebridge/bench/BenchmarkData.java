package org.casebridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data every system loads: a Synthea population (clinical history, US Core shaped; its
 * hospital and practitioner bundles first, since patient bundles refer to them conditionally)
 * and the case-management layer on top.
 */
final class BenchmarkData {

	final List<Path> syntheaInfrastructure;
	final List<Path> syntheaPatients;
	final CaseManagementGenerator caseManagement;
	final int caseManagementClients;

	private BenchmarkData(List<Path> infrastructure, List<Path> patients, CaseManagementGenerator generator, int clients) {
		this.syntheaInfrastructure = infrastructure;
		this.syntheaPatients = patients;
		this.caseManagement = generator;
		this.caseManagementClients = clients;
	}

	/**
	 * Generates (or reuses, for the same scale and seed) the Synthea population under target/;
	 * {@code clients} case-management clients beside it.
	 */
	static BenchmarkData prepare(Scale scale, long seed, int clients) throws IOException, InterruptedException {
		Path output = Path.of("target", "bench-data", "synthea-" + scale.syntheaPatients() + "-" + seed);
		if (!Files.isDirectory(output) || jsonFiles(output).isEmpty()) {
			Process synthea = new ProcessBuilder("bench/synthea/generate.sh",
					String.valueOf(scale.syntheaPatients()), String.valueOf(seed), output.toString())
					.inheritIO().start();
			if (synthea.waitFor() != 0) {
				throw new IllegalStateException("Synthea failed (bench/synthea/generate.sh)");
			}
		}
		List<Path> files = jsonFiles(output);
		List<Path> infrastructure = Stream.concat(
				files.stream().filter(file -> file.getFileName().toString().startsWith("hospitalInformation")),
				files.stream().filter(file -> file.getFileName().toString().startsWith("practitionerInformation")))
				.toList();
		List<Path> patients = files.stream()
				.filter(file -> !infrastructure.contains(file) && size(file) <= scale.maxPatientBundleBytes())
				.toList();
		return new BenchmarkData(infrastructure, patients, new CaseManagementGenerator(seed), clients);
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Path> jsonFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

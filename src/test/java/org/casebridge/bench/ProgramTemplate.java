package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a caseload view needs of a program's template (a PlanDefinition of the CaseBridge package):
 * the check-in interval (the shortest repeat period of its actions that define no instrument) and
 * the reassessment interval of each repeated instrument (actions with a {@code definitionCanonical}
 * and a timing repeat). An app reads templates once and keeps them; the harness reads them from
 * the package files, so that stock HAPI, which does not hold the package, is asked the same
 * searches.
 *
 * @param checkInDays null when the template schedules no repeated check-in
 */
record ProgramTemplate(String program, Integer checkInDays, Map<String, Integer> reassessmentDays) {

	private static final Path PACKAGE = Path.of("fhir-profiles", "package");

	static Map<String, ProgramTemplate> fromPackage() {
		Map<String, ProgramTemplate> byProgram = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(PACKAGE)) {
			for (Path file : files.filter(path -> path.getFileName().toString().startsWith("PlanDefinition-")).sorted().toList()) {
				ProgramTemplate template = of(FhirHttp.JSON.readTree(file.toFile()));
				byProgram.put(template.program(), template);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return byProgram;
	}

	static ProgramTemplate of(JsonNode planDefinition) {
		String program = "";
		for (JsonNode context : planDefinition.path("useContext")) {
			if ("program".equals(context.path("code").path("code").asText())) {
				program = context.path("valueCodeableConcept").path("coding").path(0).path("code").asText();
			}
		}
		Map<String, Integer> reassessments = new LinkedHashMap<>();
		int[] checkIn = {Integer.MAX_VALUE};
		visitActions(planDefinition.path("action"), action -> {
			Integer period = periodDays(action.path("timingTiming").path("repeat"));
			if (period != null && action.has("definitionCanonical")) {
				reassessments.put(action.get("definitionCanonical").asText().split("\\|")[0], period);
			} else if (period != null) {
				checkIn[0] = Math.min(checkIn[0], period);
			}
		});
		return new ProgramTemplate(program, checkIn[0] == Integer.MAX_VALUE ? null : checkIn[0], reassessments);
	}

	private static void visitActions(JsonNode actions, Consumer<JsonNode> visitor) {
		for (JsonNode action : actions) {
			visitor.accept(action);
			visitActions(action.path("action"), visitor);
		}
	}

	private static Integer periodDays(JsonNode repeat) {
		if (!repeat.has("period")) {
			return null;
		}
		double period = repeat.get("period").asDouble();
		double days = switch (repeat.path("periodUnit").asText("d")) {
			case "h" -> period / 24;
			case "wk" -> period * 7;
			case "mo" -> period * 30;
			case "a" -> period * 365;
			default -> period;
		};
		return (int) Math.ceil(days);
	}
}

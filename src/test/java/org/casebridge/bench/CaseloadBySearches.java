package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A case manager's caseload view as an app without {@code $caseload} composes it from plain FHIR
 * searches, with the reasons of the {@code $caseload} contract computed in the app. It is a
 * careful app: after the case manager's roles and care teams, each further search asks for all
 * the caseload's clients at once (a comma-separated subject list, {@code _count=1000}, following
 * {@code next} links), filters on the server what a search parameter can filter, and runs one
 * search per resource type (11 requests for a caseload that fits a page) instead of one per type
 * per client (8 × 50). Requests are sent one after the other, as at 1 VU.
 */
final class CaseloadBySearches {

	/**
	 * Days a referral Task may stay requested; days it may stay accepted, in progress or on hold:
	 * the server's defaults (casebridge.caseload.referral-acceptance and -completion).
	 */
	static final int REQUESTED_DAYS = 5;
	static final int UNFINISHED_DAYS = 30;

	private static final String ASSESSMENT = "http://casebridge.org/fhir/CodeSystem/cb-assessment";
	private static final Set<String> HIGH_RISK_NEEDS =
			Set.of("need-suicide-risk", "need-readmission-risk", "need-interpersonal-safety");
	private static final Set<String> UNFINISHED = Set.of("accepted", "in-progress", "on-hold");

	record Reason(String code, String resource, String date) {}

	record Client(String patient, String name, String program, String episode, String carePlan, List<Reason> reasons) {

		boolean highRisk() {
			return reasons.stream().anyMatch(reason -> reason.code().equals("high-risk"));
		}
	}

	private final FhirHttp fhir;
	private final Map<String, ProgramTemplate> templates;
	private final LocalDate today;
	private int requests;

	CaseloadBySearches(FhirHttp fhir, Map<String, ProgramTemplate> templates, LocalDate today) {
		this.fhir = fhir;
		this.templates = templates;
		this.today = today;
	}

	/** Requests the last {@link #view} sent. */
	int requests() {
		return requests;
	}

	/** The clients on the care teams of Practitioner {@code practitionerId}, most urgent first. */
	List<Client> view(String practitionerId) {
		requests = 0;
		String practitioner = "Practitioner/" + practitionerId;
		List<String> members = new ArrayList<>(List.of(practitioner));
		search("PractitionerRole?practitioner=" + practitioner)
				.forEach(role -> members.add("PractitionerRole/" + role.get("id").asText()));
		List<String> patients = search("CareTeam?status=active&participant=" + encode(String.join(",", members))).stream()
				.map(team -> team.path("subject").path("reference").asText())
				.filter(reference -> reference.startsWith("Patient/"))
				.distinct()
				.toList();
		if (patients.isEmpty()) {
			return List.of();
		}
		String subjects = encode(String.join(",", patients));
		String ids = encode(patients.stream().map(patient -> patient.substring("Patient/".length())).collect(Collectors.joining(",")));
		Map<String, List<JsonNode>> names = bySubject(search("Patient?_id=" + ids), "id");
		Map<String, List<JsonNode>> episodes = bySubject(search("EpisodeOfCare?status=active&patient=" + subjects), "patient");
		Map<String, List<JsonNode>> carePlans = bySubject(search("CarePlan?status=active&subject=" + subjects), "subject");
		Map<String, List<JsonNode>> goals = bySubject(search("Goal?lifecycle-status=proposed,planned,accepted,active,on-hold"
				+ "&target-date=lt" + today + "&subject=" + subjects), "subject");
		Map<String, List<JsonNode>> tasks = bySubject(search("Task?code=" + encode("http://hl7.org/fhir/CodeSystem/task-code|fulfill")
				+ "&status=requested,accepted,in-progress,on-hold,rejected,failed&patient=" + subjects), "for");
		Map<String, List<JsonNode>> referrals = bySubject(search("ServiceRequest?subject=" + subjects), "subject");
		Map<String, List<JsonNode>> responses =
				bySubject(search("QuestionnaireResponse?status=completed,amended&subject=" + subjects), "subject");
		Map<String, List<JsonNode>> checkIns = bySubject(search("Encounter?status=arrived,triaged,in-progress,onleave,finished&type="
				+ encode("http://casebridge.org/fhir/CodeSystem/cb-contact-mode|") + "&subject=" + subjects), "subject");
		Map<String, List<JsonNode>> needs = bySubject(search("Condition?clinical-status=active,recurrence,relapse&category="
				+ encode("http://casebridge.org/fhir/CodeSystem/cb-service-category|") + "&subject=" + subjects), "subject");

		List<Client> clients = new ArrayList<>();
		for (String patient : patients) {
			JsonNode episode = first(episodes.get(patient));
			String program = episode == null ? null : episode.path("type").path(0).path("coding").path(0).path("code").asText();
			List<JsonNode> plans = carePlans.getOrDefault(patient, List.of());
			List<Reason> reasons = new ArrayList<>();
			overdueGoals(goals.getOrDefault(patient, List.of()), reasons);
			stalledReferrals(tasks.getOrDefault(patient, List.of()), referrals.getOrDefault(patient, List.of()), reasons);
			ProgramTemplate template = program == null ? null : templates.get(program);
			if (template != null) {
				reassessmentsDue(template, responses.getOrDefault(patient, List.of()), reasons);
				noContact(template, episode, checkIns.getOrDefault(patient, List.of()), reasons);
			}
			needs(needs.getOrDefault(patient, List.of()), plans, reasons);
			JsonNode name = first(names.get(patient));
			clients.add(new Client(patient, name == null ? "" : displayName(name), program, reference(episode),
					reference(first(plans)), reasons));
		}
		clients.sort(Comparator.comparing(Client::highRisk).thenComparing(client -> client.reasons().size()).reversed());
		return clients;
	}

	private void overdueGoals(List<JsonNode> goals, List<Reason> reasons) {
		for (JsonNode goal : goals) {
			// Filtered here: HAPI answers achievement-status:not=achieved with a scan of every Goal (12 s at
			// 10,000 clients), which no careful app would send.
			if (Set.of("achieved", "sustaining").contains(goal.path("achievementStatus").path("coding").path(0).path("code").asText())) {
				continue;
			}
			// One reason per goal, at its earliest due date (the search found a target due before today).
			List<String> due = new ArrayList<>();
			goal.path("target").forEach(target -> due.add(target.path("dueDate").asText()));
			due.stream().filter(date -> !date.isEmpty()).min(Comparator.naturalOrder())
					.ifPresent(date -> reasons.add(new Reason("goal-overdue", reference(goal), date)));
		}
	}

	private void stalledReferrals(List<JsonNode> tasks, List<JsonNode> referrals, List<Reason> reasons) {
		for (JsonNode task : tasks) {
			String status = task.path("status").asText();
			// Since when the Task has its status: its lastModified, else when it was authored.
			JsonNode since = task.has("lastModified") ? task.get("lastModified") : task.path("authoredOn");
			if (status.equals("requested") && day(since).isBefore(today.minusDays(REQUESTED_DAYS))) {
				reasons.add(new Reason("referral-not-accepted", reference(task), since.asText()));
			} else if (UNFINISHED.contains(status) && day(since).isBefore(today.minusDays(UNFINISHED_DAYS))) {
				reasons.add(new Reason("referral-not-completed", reference(task), since.asText()));
			} else if ((status.equals("rejected") || status.equals("failed")) && !followedUp(task, referrals)) {
				reasons.add(new Reason("referral-unresolved", reference(task), since.asText()));
			}
		}
	}

	/** Another referral of the client replaces the Task's, or asks for the same category later. */
	private static boolean followedUp(JsonNode task, List<JsonNode> referrals) {
		String focus = task.path("focus").path("reference").asText();
		JsonNode original = referrals.stream().filter(referral -> reference(referral).equals(focus)).findFirst().orElse(null);
		for (JsonNode referral : referrals) {
			if (referral == original) {
				continue;
			}
			for (JsonNode replaced : referral.path("replaces")) {
				if (replaced.path("reference").asText().equals(focus)) {
					return true;
				}
			}
			if (original != null && categories(referral).stream().anyMatch(categories(original)::contains)
					&& !referral.path("status").asText().equals("entered-in-error")
					&& referral.path("authoredOn").asText().compareTo(original.path("authoredOn").asText()) >= 0) {
				return true;
			}
		}
		return false;
	}

	private void reassessmentsDue(ProgramTemplate template, List<JsonNode> responses, List<Reason> reasons) {
		template.reassessmentDays().forEach((questionnaire, days) -> {
			JsonNode latest = responses.stream()
					.filter(response -> response.path("questionnaire").asText().split("\\|")[0].equals(questionnaire))
					.max(Comparator.comparing(response -> response.path("authored").asText()))
					.orElse(null);
			if (latest == null || day(latest.path("authored")).isBefore(today.minusDays(days))) {
				reasons.add(new Reason("reassessment-due", latest == null ? null : reference(latest),
						latest == null ? null : latest.path("authored").asText()));
			}
		});
	}

	/** Counted from the last check-in up to today, or from the enrolment when there is none since. */
	private void noContact(ProgramTemplate template, JsonNode episode, List<JsonNode> checkIns, List<Reason> reasons) {
		if (template.checkInDays() == null) {
			return;
		}
		JsonNode latest = checkIns.stream()
				.filter(checkIn -> !day(checkIn.path("period").path("start")).isAfter(today))
				.max(Comparator.comparing(checkIn -> checkIn.path("period").path("start").asText()))
				.orElse(null);
		JsonNode enrolled = episode == null ? null : episode.path("period").path("start");
		if (latest == null || (enrolled != null && day(latest.path("period").path("start")).isBefore(day(enrolled)))) {
			if (enrolled != null && day(enrolled).isBefore(today.minusDays(template.checkInDays()))) {
				reasons.add(new Reason("no-contact", reference(episode), enrolled.asText()));
			}
		} else if (day(latest.path("period").path("start")).isBefore(today.minusDays(template.checkInDays()))) {
			reasons.add(new Reason("no-contact", reference(latest), latest.path("period").path("start").asText()));
		}
	}

	private static void needs(List<JsonNode> needs, List<JsonNode> plans, List<Reason> reasons) {
		Set<String> addressed = new HashSet<>();
		plans.forEach(plan -> plan.path("addresses").forEach(need -> addressed.add(need.path("reference").asText())));
		for (JsonNode need : needs) {
			JsonNode coding = need.path("code").path("coding").path(0);
			if (ASSESSMENT.equals(coding.path("system").asText()) && HIGH_RISK_NEEDS.contains(coding.path("code").asText())) {
				reasons.add(new Reason("high-risk", reference(need), need.path("recordedDate").asText()));
			} else if (!addressed.contains(reference(need))) {
				reasons.add(new Reason("unaddressed-need", reference(need), need.path("recordedDate").asText()));
			}
		}
	}

	/** Every resource the search finds, page after page. */
	private List<JsonNode> search(String query) {
		List<JsonNode> resources = new ArrayList<>();
		String page = query + "&_count=1000";
		while (page != null) {
			requests++;
			JsonNode bundle = fhir.get(page);
			bundle.path("entry").forEach(entry -> resources.add(entry.get("resource")));
			page = null;
			for (JsonNode link : bundle.path("link")) {
				if (link.path("relation").asText().equals("next")) {
					page = link.path("url").asText();
				}
			}
		}
		return resources;
	}

	/** Resources by the patient their {@code field} refers to ({@code id}: the Patient itself). */
	private static Map<String, List<JsonNode>> bySubject(List<JsonNode> resources, String field) {
		Map<String, List<JsonNode>> byPatient = new LinkedHashMap<>();
		for (JsonNode resource : resources) {
			String patient = field.equals("id") ? reference(resource) : resource.path(field).path("reference").asText();
			byPatient.computeIfAbsent(patient, key -> new ArrayList<>()).add(resource);
		}
		return byPatient;
	}

	private static Set<String> categories(JsonNode referral) {
		Set<String> codes = new HashSet<>();
		referral.path("category").forEach(category -> category.path("coding")
				.forEach(coding -> codes.add(coding.path("system").asText() + "|" + coding.path("code").asText())));
		return codes;
	}

	private static String displayName(JsonNode patient) {
		JsonNode name = patient.path("name").path(0);
		List<String> parts = new ArrayList<>();
		name.path("given").forEach(given -> parts.add(given.asText()));
		parts.add(name.path("family").asText());
		return String.join(" ", parts).trim();
	}

	private static JsonNode first(List<JsonNode> resources) {
		return resources == null || resources.isEmpty() ? null : resources.get(0);
	}

	private static String reference(JsonNode resource) {
		return resource == null ? null : resource.get("resourceType").asText() + "/" + resource.get("id").asText();
	}

	/** The day of a FHIR date or dateTime, as written (its own offset); none is never before a day. */
	private static LocalDate day(JsonNode value) {
		return value.asText().length() < 10 ? LocalDate.MAX : LocalDate.parse(value.asText().substring(0, 10));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}

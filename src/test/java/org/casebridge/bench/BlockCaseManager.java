package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The case manager of one block of {@link #CASELOAD_SIZE} consecutive generated clients: a
 * Practitioner and a PractitionerRole at Riverside General, working in all four programs. Every
 * bundle of the block carries both as conditional creates on identifiers unique to the block, so
 * the first bundle stores them and the other 49 find them; its care team, episode, care plan and
 * every other place the story names its case manager then point at them.
 */
final class BlockCaseManager {

	static final int CASELOAD_SIZE = 50;
	private static final String SAMPLE_SYSTEM = "http://casebridge.org/fhir/sid/sample";
	private static final String DIRECTORY_ROLE = "PractitionerRole?identifier=" + SAMPLE_SYSTEM + "|prole-cm-";
	private static final String DIRECTORY_PRACTITIONER = "Practitioner?identifier=" + SAMPLE_SYSTEM + "|pract-cm-";
	private static final List<String> GIVEN = List.of("Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo",
			"Imani", "Jonah", "Keiko", "Luis", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq");
	private static final List<String> FAMILY = List.of("Abbott", "Banerjee", "Castillo", "Duarte", "Eriksen", "Fofana",
			"Garber", "Haddad", "Ito", "Jensen", "Kowalski", "Lindqvist", "Mensah", "Novak", "Ortega", "Petrov", "Quintero",
			"Reyes", "Sato", "Tran");
	private static final List<String> CREDENTIALS = List.of("RN", "LSW", "LCSW", "LCDC");
	private static final List<String> PROGRAMS = List.of("discharge-planning", "mental-health", "geriatric", "substance-use");

	private final long seed;
	private final int block;
	private final String name;
	private final String credential;

	BlockCaseManager(long seed, int block) {
		this.seed = seed;
		this.block = block;
		SplittableRandom random = new SplittableRandom(seed * 7_919 + block);
		this.name = GIVEN.get(random.nextInt(GIVEN.size())) + " " + FAMILY.get(random.nextInt(FAMILY.size()));
		this.credential = CREDENTIALS.get(random.nextInt(CREDENTIALS.size()));
	}

	static BlockCaseManager of(long seed, int client) {
		return new BlockCaseManager(seed, client / CASELOAD_SIZE);
	}

	/** The Practitioner's identifier as a token search value, {@code system|value}. */
	String practitionerIdentifier() {
		return SAMPLE_SYSTEM + "|" + practitionerValue();
	}

	/** Puts the two conditional creates first in {@code bundle} and points the story's case-manager references at them. */
	void join(JsonNode bundle) {
		for (JsonNode entry : bundle.get("entry")) {
			repoint(entry.get("resource"));
		}
		ArrayNode entries = (ArrayNode) bundle.get("entry");
		entries.insert(0, entry(practitioner(), practitionerUrn(), practitionerValue()));
		entries.insert(1, entry(role(), roleUrn(), roleValue()));
	}

	private void repoint(JsonNode node) {
		if (node.isObject()) {
			String reference = node.path("reference").asText();
			if (reference.startsWith(DIRECTORY_ROLE)) {
				((ObjectNode) node).put("reference", roleUrn()).put("display", roleDisplay());
			} else if (reference.startsWith(DIRECTORY_PRACTITIONER)) {
				((ObjectNode) node).put("reference", practitionerUrn()).put("display", practitionerDisplay());
			}
		}
		if (node.isContainerNode()) {
			node.forEach(this::repoint);
		}
	}

	private ObjectNode practitioner() {
		ObjectNode practitioner = FhirHttp.JSON.createObjectNode().put("resourceType", "Practitioner");
		practitioner.putArray("identifier").addObject().put("system", SAMPLE_SYSTEM).put("value", practitionerValue());
		practitioner.put("active", true);
		ObjectNode humanName = practitioner.putArray("name").addObject().put("use", "official")
				.put("family", name.substring(name.indexOf(' ') + 1));
		humanName.putArray("given").add(name.substring(0, name.indexOf(' ')));
		humanName.putArray("suffix").add(credential);
		practitioner.putArray("telecom").addObject().put("system", "phone")
				.put("value", String.format("(555) 201-4100 x%04d", 5000 + block % 5000)).put("use", "work");
		practitioner.putArray("qualification").addObject().putObject("code").put("text", credential);
		return practitioner;
	}

	private ObjectNode role() {
		ObjectNode role = FhirHttp.JSON.createObjectNode().put("resourceType", "PractitionerRole");
		role.putArray("identifier").addObject().put("system", SAMPLE_SYSTEM).put("value", roleValue());
		role.put("active", true);
		role.putObject("practitioner").put("reference", practitionerUrn()).put("display", practitionerDisplay());
		role.putObject("organization")
				.put("reference", "Organization?identifier=" + SAMPLE_SYSTEM + "|org-riverside-general")
				.put("display", "Riverside General Hospital");
		role.putArray("code").addObject().put("text", "Case manager").putArray("coding").addObject()
				.put("system", "http://nucc.org/provider-taxonomy").put("code", "171M00000X")
				.put("display", "Case Manager/Care Coordinator");
		ArrayNode specialties = role.putArray("specialty");
		for (String program : PROGRAMS) {
			specialties.addObject().putArray("coding").addObject()
					.put("system", "http://casebridge.org/fhir/CodeSystem/cb-program").put("code", program);
		}
		role.putArray("location").addObject()
				.put("reference", "Location?identifier=" + SAMPLE_SYSTEM + "|loc-riverside-general");
		return role;
	}

	private static ObjectNode entry(ObjectNode resource, String urn, String identifierValue) {
		ObjectNode entry = FhirHttp.JSON.createObjectNode().put("fullUrl", urn);
		entry.set("resource", resource);
		String type = resource.get("resourceType").asText();
		entry.putObject("request").put("method", "POST").put("url", type)
				.put("ifNoneExist", "identifier=" + SAMPLE_SYSTEM + "|" + identifierValue);
		return entry;
	}

	private String practitionerValue() {
		return "pract-cm-" + seed + "-block-" + block;
	}

	private String roleValue() {
		return "prole-cm-" + seed + "-block-" + block;
	}

	private String practitionerUrn() {
		return "urn:uuid:" + UUID.nameUUIDFromBytes(practitionerValue().getBytes());
	}

	private String roleUrn() {
		return "urn:uuid:" + UUID.nameUUIDFromBytes(roleValue().getBytes());
	}

	private String practitionerDisplay() {
		return name + ", " + credential;
	}

	private String roleDisplay() {
		return practitionerDisplay() + " - case manager";
	}
}

package org.casebridge.notification;

import java.util.UUID;

/**
 * FHIR JSON for a closed-loop referral in the SDOH Clinical Care shape: a client, a
 * ServiceRequest, the performing Organization, and the fulfilment Task whose status the
 * performer moves along requested → accepted → in-progress → completed (or rejected).
 */
public final class Referrals {

	public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code|fulfill";
	private static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";

	public final String organizationId = UUID.randomUUID().toString();
	public final String patientId = UUID.randomUUID().toString();
	public final String serviceRequestId = UUID.randomUUID().toString();

	public String organization() {
		return "{\"resourceType\":\"Organization\",\"id\":\"" + organizationId + "\",\"name\":\"Harbor Housing\"}";
	}

	public String patient() {
		return "{\"resourceType\":\"Patient\",\"id\":\"" + patientId + "\",\"name\":[{\"family\":\"Rivera\"}]}";
	}

	public String serviceRequest() {
		return "{\"resourceType\":\"ServiceRequest\",\"id\":\"" + serviceRequestId + "\",\"status\":\"active\","
				+ "\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/" + patientId + "\"},"
				+ "\"code\":{\"text\":\"Housing assistance\"}}";
	}

	/** The criteria of a REST-hook Subscription to this performer's referral Tasks. */
	public String criteria() {
		return "Task?code=" + TASK_CODE + "&owner=Organization/" + organizationId;
	}

	public String subscription(String endpoint) {
		return "{\"resourceType\":\"Subscription\",\"status\":\"requested\",\"reason\":\"Referrals to Harbor Housing\","
				+ "\"criteria\":\"" + criteria() + "\",\"channel\":{\"type\":\"rest-hook\",\"endpoint\":\"" + endpoint
				+ "\",\"payload\":\"application/fhir+json\"}}";
	}

	/**
	 * A topic-based Subscription (Subscriptions R5 Backport IG, R4 shape) to the topic, filtered to
	 * this performer's Tasks, with the Task in each notification.
	 */
	public String topicSubscription(String topic, String endpoint) {
		return "{\"resourceType\":\"Subscription\",\"meta\":{\"profile\":[\"" + BACKPORT + "backport-subscription\"]},"
				+ "\"status\":\"requested\",\"reason\":\"Referrals to Harbor Housing\",\"criteria\":\"" + topic + "\","
				+ "\"_criteria\":{\"extension\":[{\"url\":\"" + BACKPORT + "backport-filter-criteria\","
				+ "\"valueString\":\"Task?owner=Organization/" + organizationId + "\"}]},"
				+ "\"channel\":{\"type\":\"rest-hook\",\"endpoint\":\"" + endpoint + "\",\"payload\":\"application/fhir+json\","
				+ "\"_payload\":{\"extension\":[{\"url\":\"" + BACKPORT + "backport-payload-content\",\"valueCode\":\"full-resource\"}]}}}";
	}

	/** A transaction sending the referral: its ServiceRequest and its Task, requested, together. */
	public String sendingTransaction(String taskId) {
		return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
				+ "{\"resource\":" + serviceRequest() + ",\"request\":{\"method\":\"PUT\",\"url\":\"ServiceRequest/"
				+ serviceRequestId + "\"}},"
				+ "{\"resource\":" + task(taskId, "requested") + ",\"request\":{\"method\":\"PUT\",\"url\":\"Task/"
				+ taskId + "\"}}]}";
	}

	/** The referral Task in {@code status}, with what that status requires. */
	public String task(String taskId, String status) {
		String extra = switch (status) {
			case "rejected" -> ",\"statusReason\":{\"text\":\"No capacity this month\"}";
			case "completed" -> ",\"output\":[{\"type\":{\"text\":\"outcome\"},\"valueString\":\"Housed\"}]";
			default -> "";
		};
		return "{\"resourceType\":\"Task\",\"id\":\"" + taskId + "\",\"status\":\"" + status + "\",\"intent\":\"order\","
				+ "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/CodeSystem/task-code\",\"code\":\"fulfill\"}]},"
				+ "\"focus\":{\"reference\":\"ServiceRequest/" + serviceRequestId + "\"},"
				+ "\"for\":{\"reference\":\"Patient/" + patientId + "\"},"
				+ "\"authoredOn\":\"2026-11-30T09:00:00Z\","
				+ "\"owner\":{\"reference\":\"Organization/" + organizationId + "\"}" + extra + "}";
	}
}

package org.casebridge.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.ResourceUtil;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Whether the text the instance validator would read for a resource says exactly what HAPI's
 * parsed object holds. The JPA server keeps the JSON a client sent on the resource it parsed, and
 * the validator validates that text; HAPI's parser passes over what its model cannot hold (an
 * unknown element, a null, an empty array, a repeated key, a string where a boolean belongs), which
 * the validator reports. So {@link CompiledChecks}, which check the object, may stand for the
 * validator only when the text and the object's own encoding are the same JSON (compared as trees,
 * so key order and spacing do not matter), or when there is no text and the validator encodes the
 * object itself. The resource's id and version, which the server assigns, are left out of the
 * comparison and must only be well-formed in the text.
 */
final class ExactText {

	private static final ObjectMapper JSON = new ObjectMapper()
			.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	private final FhirContext fhirContext;

	ExactText(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	boolean holds(IBaseResource resource) {
		String text = ResourceUtil.getRawStringFromResourceOrNull(resource);
		if (text == null) {
			return true;
		}
		if (ResourceUtil.getEncodingTypeFromUserData(resource) != EncodingEnum.JSON) {
			return false;
		}
		try {
			JsonNode sent = JSON.readTree(text);
			JsonNode held = JSON.readTree(fhirContext.newJsonParser().encodeResourceToString(resource));
			return sent instanceof ObjectNode sentObject && held instanceof ObjectNode heldObject
					&& wellFormedServerAssigned(sentObject) && withoutServerAssigned(sentObject).equals(withoutServerAssigned(heldObject));
		} catch (IOException unreadable) {
			return false;
		}
	}

	private static boolean wellFormedServerAssigned(ObjectNode resource) {
		JsonNode id = resource.get("id");
		JsonNode versionId = resource.path("meta").get("versionId");
		JsonNode lastUpdated = resource.path("meta").get("lastUpdated");
		return (id == null || id.isTextual() && CompiledChecks.RESOURCE_ID.matcher(id.asText()).matches())
				&& (versionId == null || versionId.isTextual() && CompiledChecks.RESOURCE_ID.matcher(versionId.asText()).matches())
				&& lastUpdated == null;
	}

	private static ObjectNode withoutServerAssigned(ObjectNode resource) {
		ObjectNode copy = resource.deepCopy();
		copy.remove("id");
		if (copy.get("meta") instanceof ObjectNode meta) {
			meta.remove("versionId");
			meta.remove("lastUpdated");
			if (meta.isEmpty()) {
				copy.remove("meta");
			}
		}
		return copy;
	}
}

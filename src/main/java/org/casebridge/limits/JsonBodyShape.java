package org.casebridge.limits;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One streaming pass over a JSON body that checks its shape against the limits before the FHIR
 * parser and validator build their (far larger) object models of it: nesting depth, items per
 * array, entries per Bundle and bytes per resource. Also refuses what FHIR JSON does not allow
 * and HAPI's lenient parser would silently drop or store (R4 json.html): empty arrays, strings
 * that are empty or only whitespace (a primitive needs a value), and control characters; and malformed JSON, with its position only, since a parser's message
 * quotes the offending text.
 */
final class JsonBodyShape {

	private static final JsonFactory JSON = JsonFactory.builder()
			// A name given twice has no defined meaning; Jackson would keep the last silently.
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			// The depth is checked here, against our limit; Jackson's own would stop first otherwise.
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
			.build();

	private final LimitsProperties limits;

	JsonBodyShape(LimitsProperties limits) {
		this.limits = limits;
	}

	/**
	 * @param rootIsResource whether the body itself is one resource (sent to a resource endpoint)
	 *     rather than a Bundle of them
	 */
	void check(byte[] body, boolean rootIsResource) throws RequestRefusal {
		try (JsonParser parser = JSON.createParser(body)) {
			walk(parser, rootIsResource);
		} catch (JsonProcessingException e) {
			JsonLocation at = e.getLocation();
			throw RequestRefusal.malformed("JSON", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
		} catch (IOException e) {
			throw RequestRefusal.invalid("The body could not be read as JSON");
		}
	}

	private void walk(JsonParser parser, boolean rootIsResource) throws IOException, RequestRefusal {
		Deque<Container> open = new ArrayDeque<>();
		JsonToken token;
		while ((token = parser.nextToken()) != null) {
			Container parent = open.peek();
			if (token == JsonToken.VALUE_STRING) {
				// A value in an array has no name of its own: it is one of the array's.
				requireStringValue(parser.getText(), parent != null && parent.isArray ? parent.field : parser.currentName());
			}
			if (parent != null && parent.isArray && !token.isStructEnd()) {
				parent.items++;
				RequestRefusal.checkRepetitions(limits, parent.field, open.size(), parent.items);
			}
			if (token.isStructStart()) {
				RequestRefusal.checkDepth(limits, open.size());
				String field = parser.currentName();
				boolean resource = open.isEmpty() ? rootIsResource : "resource".equals(field) && !parent.isArray;
				open.push(new Container(token == JsonToken.START_ARRAY, field, resource,
						parser.currentTokenLocation().getByteOffset()));
			} else if (token.isStructEnd()) {
				Container closed = open.pop();
				// A JSON Patch is an array at the root, and may be empty; FHIR arrays may not.
				if (closed.isArray && closed.items == 0 && !open.isEmpty()) {
					throw RequestRefusal.invalid("The array '" + closed.field + "' is empty; FHIR JSON leaves out an element without values");
				}
				if (closed.isResource) {
					RequestRefusal.checkResourceSize(limits, parser.currentLocation().getByteOffset() - closed.startOffset);
				}
			}
		}
	}

	private static void requireStringValue(String value, String field) throws RequestRefusal {
		if (value.isBlank()) {
			throw RequestRefusal.invalid("The value of '" + field + "' is empty or only whitespace; FHIR JSON leaves out "
					+ "an element without a value");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				throw RequestRefusal.invalid(String.format(
						"The value of '%s' holds the control character U+%04X, which a FHIR string cannot", field, (int) c));
			}
		}
	}

	private static final class Container {
		final boolean isArray;
		final String field;
		final boolean isResource;
		final long startOffset;
		int items;

		Container(boolean isArray, String field, boolean isResource, long startOffset) {
			this.isArray = isArray;
			this.field = field;
			this.isResource = isResource;
			this.startOffset = startOffset;
		}
	}
}

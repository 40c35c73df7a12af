package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Moves every FHIR date, dateTime and instant of a resource by the same number of days, keeping
 * its precision, so that a copied story keeps its own order of events (assessed, planned,
 * referred, checked in) but happens at another time. Year-only values (none in the stories) and
 * dates written inside texts stay as they are.
 */
final class StoryDates {

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
	private static final DateTimeFormatter FHIR_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private StoryDates() {}

	static void shift(JsonNode node, long days) {
		if (node.isObject()) {
			List<String> dates = new ArrayList<>();
			Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getValue().isTextual()) {
					dates.add(field.getKey());
				} else {
					shift(field.getValue(), days);
				}
			}
			for (String name : dates) {
				((ObjectNode) node).set(name, TextNode.valueOf(shifted(node.get(name).asText(), days)));
			}
		} else if (node.isArray()) {
			node.forEach(child -> shift(child, days));
		}
	}

	static String shifted(String value, long days) {
		if (DATE_TIME.matcher(value).matches()) {
			return OffsetDateTime.parse(value).plusDays(days).format(FHIR_DATE_TIME);
		}
		if (DATE.matcher(value).matches()) {
			return LocalDate.parse(value).plusDays(days).toString();
		}
		if (YEAR_MONTH.matcher(value).matches()) {
			return YearMonth.from(YearMonth.parse(value).atDay(1).plusDays(days)).toString();
		}
		return value;
	}
}

package org.casebridge.referral;

import ca.uhn.fhir.jpa.model.util.UcumServiceUtil;
import ca.uhn.fhir.jpa.util.CoordCalculator;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.casebridge.conformance.ConformanceResources;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.springframework.stereotype.Component;

/**
 * What a directory search value must be, checked before HAPI runs the search.
 *
 * <ul>
 *   <li>{@code capacity-status} (our SearchParameter cb-service-capacity-status): codes of the
 *       CodeSystem cb-service-capacity-status, as the package defines it, with that system or
 *       none;
 *   <li>{@code near} (FHIR R4 Location search, {@code latitude|longitude|distance|units}):
 *       HAPI turns a value without a longitude, a negative distance or one beyond its limit into
 *       a 500; a latitude or longitude off the globe it answers with a meaningless box.
 * </ul>
 */
@Component
class ServiceDirectorySearchValues {

	static final String CAPACITY_STATUS_SYSTEM = "http://casebridge.org/fhir/CodeSystem/cb-service-capacity-status";

	private final Set<String> capacityStatuses;

	ServiceDirectorySearchValues(ConformanceResources conformanceResources) {
		CodeSystem codeSystem = (CodeSystem) conformanceResources.validationSupport().fetchCodeSystem(CAPACITY_STATUS_SYSTEM);
		this.capacityStatuses = codeSystem.getConcept().stream()
				.map(ConceptDefinitionComponent::getCode)
				.collect(Collectors.toCollection(TreeSet::new));
	}

	/** One {@code capacity-status} value: a comma-separated list of tokens. */
	void requireCapacityStatuses(String value) {
		for (String token : value.split(",", -1)) {
			int bar = token.indexOf('|');
			String system = bar < 0 ? "" : token.substring(0, bar);
			String code = token.substring(bar + 1);
			if (!(system.isEmpty() || system.equals(CAPACITY_STATUS_SYSTEM)) || !capacityStatuses.contains(code)) {
				throw new InvalidRequestException("capacity-status '" + token + "' is not a capacity status: use one of "
						+ String.join(", ", capacityStatuses) + " (" + CAPACITY_STATUS_SYSTEM + ")");
			}
		}
	}

	/** One {@code near} value: {@code latitude|longitude}, optionally {@code |distance} and {@code |units}. */
	void requireNear(String value) {
		List<String> parts = List.of(value.split("\\|", -1));
		if (parts.size() < 2 || parts.size() > 4) {
			throw refusal(value, "it needs latitude|longitude, optionally |distance|units");
		}
		double latitude = number(value, parts.get(0), "latitude");
		double longitude = number(value, parts.get(1), "longitude");
		if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
			throw refusal(value, "latitude must be within ±90 and longitude within ±180 degrees");
		}
		if (parts.size() > 2 && !parts.get(2).isBlank()) {
			double distance = number(value, parts.get(2), "distance");
			double kilometres = parts.size() > 3 ? UcumServiceUtil.convert(distance, parts.get(3), "km") : distance;
			if (kilometres < 0 || kilometres > CoordCalculator.MAX_SUPPORTED_DISTANCE_KM) {
				throw refusal(value, "the distance must be between 0 and " + (int) CoordCalculator.MAX_SUPPORTED_DISTANCE_KM + " km");
			}
		}
	}

	private static double number(String value, String part, String what) {
		try {
			double number = Double.parseDouble(part);
			if (Double.isFinite(number)) {
				return number;
			}
		} catch (NumberFormatException e) {
			// refused below
		}
		throw refusal(value, "the " + what + " '" + part + "' is not a number");
	}

	private static InvalidRequestException refusal(String value, String reason) {
		return new InvalidRequestException("near '" + value + "' cannot be searched: " + reason);
	}
}

package org.casebridge.careplan;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a template's conditions see of a client: the FHIRPath variables {@code %subject},
 * {@code %encounter}, {@code %start}, {@code %episodes} (active EpisodeOfCare), {@code %scores}
 * (the latest survey Observation per code), {@code %needs} (active health-concern Conditions) and
 * {@code %responses} (the latest completed or amended QuestionnaireResponse per Questionnaire).
 * Each is one indexed search of the client's own resources, run when a condition first names it;
 * scores and responses look back {@code casebridge.careplan.record-lookback} from the start.
 */
final class ClientRecord {

	private static final TokenParam HEALTH_CONCERN =
			new TokenParam("http://hl7.org/fhir/us/core/CodeSystem/condition-category", "health-concern");
	private static final TokenParam SURVEY =
			new TokenParam("http://terminology.hl7.org/CodeSystem/observation-category", "survey");

	private final Patient subject;
	private final Map<String, Supplier<List<? extends Base>>> variables = new LinkedHashMap<>();

	ClientRecord(Patient subject, Optional<Encounter> encounter, LocalDate start, LocalDate lookbackFrom,
			DaoRegistry daoRegistry, RequestDetails requestDetails) {
		this.subject = subject;
		Searches searches = new Searches(daoRegistry, requestDetails, subject.getIdElement().toUnqualifiedVersionless().getValue());
		variables.put("subject", () -> List.of(subject));
		variables.put("encounter", () -> encounter.stream().toList());
		variables.put("start", () -> List.of(new DateType(start.toString())));
		variables.put("episodes", memoized(() -> searches.episodes()));
		variables.put("scores", memoized(() -> latest(searches.scores(lookbackFrom), ClientRecord::codeKey)));
		variables.put("needs", memoized(() -> searches.needs()));
		variables.put("responses", memoized(() -> latest(searches.responses(lookbackFrom), ClientRecord::questionnaireKey)));
	}

	Patient subject() {
		return subject;
	}

	/** The variable's value, or empty when the record has no variable of that name. */
	Optional<List<? extends Base>> variable(String name) {
		return Optional.ofNullable(variables.get(name)).map(Supplier::get);
	}

	/** Active needs, for the referrals that address them. */
	@SuppressWarnings("unchecked")
	List<Condition> needs() {
		return (List<Condition>) variables.get("needs").get();
	}

	/** Newest first in, so the first of each key is the latest. */
	private static <T extends Resource> List<T> latest(List<T> newestFirst, Function<T, String> key) {
		Map<String, T> latest = new LinkedHashMap<>();
		newestFirst.forEach(resource -> latest.putIfAbsent(key.apply(resource), resource));
		return List.copyOf(latest.values());
	}

	private static String codeKey(Observation observation) {
		return observation.getCode().getCoding().stream()
				.map(coding -> coding.getSystem() + "|" + coding.getCode())
				.sorted()
				.reduce((a, b) -> a + " " + b)
				.orElse(observation.getCode().getText());
	}

	private static String questionnaireKey(QuestionnaireResponse response) {
		String canonical = response.getQuestionnaire();
		return canonical == null ? "" : canonical.split("\\|")[0];
	}

	private static <T> Supplier<T> memoized(Supplier<T> supplier) {
		return new Supplier<>() {
			private T value;

			@Override
			public T get() {
				if (value == null) {
					value = supplier.get();
				}
				return value;
			}
		};
	}

	/** The searches behind the variables, each through the DAO with the caller's request. */
	private record Searches(DaoRegistry daoRegistry, RequestDetails requestDetails, String patient) {

		List<EpisodeOfCare> episodes() {
			SearchParameterMap map = SearchParameterMap.newSynchronous("patient", new ReferenceParam(patient))
					.add("status", new TokenParam("active"));
			return search(EpisodeOfCare.class, map);
		}

		List<Observation> scores(LocalDate from) {
			SearchParameterMap map = SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient))
					.add("category", SURVEY)
					.add("date", new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from.toString()));
			map.setSort(new SortSpec("date", SortOrderEnum.DESC));
			return search(Observation.class, map);
		}

		List<Condition> needs() {
			SearchParameterMap map = SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient))
					.add("clinical-status", new TokenParam("active"))
					.add("category", HEALTH_CONCERN);
			return search(Condition.class, map);
		}

		List<QuestionnaireResponse> responses(LocalDate from) {
			SearchParameterMap map = SearchParameterMap.newSynchronous("subject", new ReferenceParam(patient))
					.add("status", new TokenOrListParam().add("completed").add("amended"))
					.add("authored", new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from.toString()));
			map.setSort(new SortSpec("authored", SortOrderEnum.DESC));
			return search(QuestionnaireResponse.class, map);
		}

		private <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap map) {
			return DaoSearch.all(daoRegistry, type, map, requestDetails);
		}
	}
}

package org.casebridge.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.casebridge.conformance.ConformanceResources;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * SDC observation-based extraction ("Form Data Extraction"): the transaction Bundle that brings a
 * response's derived resources up to date. New ones are created, ones the last extraction stored
 * are replaced in place, ones the response no longer supports are deleted, so extracting twice
 * never duplicates. Only completed and amended responses about a client (a Patient) have derived
 * resources; one marked entered-in-error loses them, and a deleted one takes them along.
 */
@Component
public class ResponseExtraction {

	private static final Set<QuestionnaireResponseStatus> FINAL =
			Set.of(QuestionnaireResponseStatus.COMPLETED, QuestionnaireResponseStatus.AMENDED);

	private final ConformanceResources conformanceResources;
	private final InstrumentScorer scorer;
	private final DaoRegistry daoRegistry;

	ResponseExtraction(ConformanceResources conformanceResources, InstrumentScorer scorer, DaoRegistry daoRegistry) {
		this.conformanceResources = conformanceResources;
		this.scorer = scorer;
		this.daoRegistry = daoRegistry;
	}

	/** For {@code $extract}: a response that is not final, or whose Questionnaire is unknown, is refused (422). */
	public Bundle extract(QuestionnaireResponse response, RequestDetails requestDetails) {
		if (!FINAL.contains(response.getStatus())) {
			throw new UnprocessableEntityException("Only completed or amended responses are extracted; this one is "
					+ response.getStatus().toCode());
		}
		if (!isAboutAClient(response)) {
			throw new UnprocessableEntityException("Only responses about a client (subject a Patient) are extracted");
		}
		Questionnaire questionnaire = conformanceResources.questionnaire(response.getQuestionnaire())
				.orElseThrow(() -> new UnprocessableEntityException(response.hasQuestionnaire()
						? "Questionnaire " + response.getQuestionnaire() + " is not known to this server"
						: "The response names no Questionnaire to extract with"));
		return transaction(derive(questionnaire, response, requestDetails), previouslyDerived(response, requestDetails), true);
	}

	/** For a response just created: nothing was derived from it before. Empty when there is nothing to store. */
	Optional<Bundle> afterCreate(QuestionnaireResponse response, RequestDetails requestDetails) {
		return unlessEmpty(transaction(derive(response, requestDetails), Map.of(), false));
	}

	/** For a response just updated: what it derives now replaces what it derived before. */
	Optional<Bundle> afterUpdate(QuestionnaireResponse response, RequestDetails requestDetails) {
		if (!FINAL.contains(response.getStatus()) && response.getStatus() != QuestionnaireResponseStatus.ENTEREDINERROR) {
			return Optional.empty();
		}
		return unlessEmpty(transaction(derive(response, requestDetails), previouslyDerived(response, requestDetails), false));
	}

	/** For a response about to be deleted: what it derived goes with it. */
	Optional<Bundle> beforeDelete(QuestionnaireResponse response, RequestDetails requestDetails) {
		return unlessEmpty(transaction(List.of(), previouslyDerived(response, requestDetails), false));
	}

	private List<Resource> derive(QuestionnaireResponse response, RequestDetails requestDetails) {
		if (!FINAL.contains(response.getStatus()) || !isAboutAClient(response)) {
			return List.of();
		}
		return conformanceResources.questionnaire(response.getQuestionnaire())
				.map(questionnaire -> derive(questionnaire, response, requestDetails))
				.orElse(List.of());
	}

	private List<Resource> derive(Questionnaire questionnaire, QuestionnaireResponse response, RequestDetails requestDetails) {
		return DerivedResources.of(response, scorer.score(questionnaire, response, reference -> read(reference, requestDetails)));
	}

	/**
	 * New resources are posted; {@code conditional} makes each post create only when no resource
	 * has its identifier yet, so a client can post the Bundle more than once.
	 */
	private static Bundle transaction(List<Resource> derived, Map<String, Resource> previous, boolean conditional) {
		Map<String, Resource> stale = new HashMap<>(previous);
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Resource resource : derived) {
			String key = DerivedResources.identifierValue(resource);
			Resource replaced = stale.remove(key);
			Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
			if (replaced != null) {
				resource.setId(replaced.getIdElement().toUnqualifiedVersionless());
				entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(resource.getIdElement().getValue());
			} else {
				entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
				if (conditional) {
					entry.getRequest().setIfNoneExist("identifier=" + DerivedResources.EXTRACTED_FROM + "|" + key);
				}
			}
		}
		stale.values().forEach(resource -> bundle.addEntry().getRequest()
				.setMethod(HTTPVerb.DELETE)
				.setUrl(resource.getIdElement().toUnqualifiedVersionless().getValue()));
		return bundle;
	}

	/** Scores and needs are a client's: a response about anything else derives nothing. */
	private static boolean isAboutAClient(QuestionnaireResponse response) {
		return "Patient".equals(response.getSubject().getReferenceElement().getResourceType());
	}

	private static Optional<Bundle> unlessEmpty(Bundle transaction) {
		return transaction.hasEntry() ? Optional.of(transaction) : Optional.empty();
	}

	/** The resources earlier extractions derived from this response, by identifier value. */
	private Map<String, Resource> previouslyDerived(QuestionnaireResponse response, RequestDetails requestDetails) {
		ReferenceParam responseReference = new ReferenceParam(response.getIdElement().toUnqualifiedVersionless().getValue());
		Map<String, Resource> previous = new HashMap<>();
		Stream.of(search("Observation", "derived-from", responseReference, requestDetails),
						search("Condition", "evidence-detail", responseReference, requestDetails))
				.flatMap(List::stream)
				.forEach(resource -> {
					String key = DerivedResources.identifierValue(resource);
					if (key != null) {
						previous.put(key, resource);
					}
				});
		return previous;
	}

	private List<Resource> search(String type, String parameter, ReferenceParam reference, RequestDetails requestDetails) {
		SearchParameterMap map = SearchParameterMap.newSynchronous(parameter, reference);
		return daoRegistry.getResourceDao(type).searchForResources(map, requestDetails).stream()
				.map(Resource.class::cast)
				.toList();
	}

	/** FHIRPath resolve() of a reference in the response: a resource on this server, or nothing. */
	private Resource read(String reference, RequestDetails requestDetails) {
		IdType id = new IdType(reference);
		if (!id.hasResourceType() || id.isAbsolute() || !daoRegistry.isResourceTypeSupported(id.getResourceType())) {
			return null;
		}
		try {
			return (Resource) daoRegistry.getResourceDao(id.getResourceType()).read(id, requestDetails);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return null;
		}
	}
}

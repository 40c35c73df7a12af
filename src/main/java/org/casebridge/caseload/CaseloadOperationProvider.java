package org.casebridge.caseload;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casebridge.caseload.CaseloadQuery.Filters;
import org.casebridge.caseload.ClientAttention.Reason;
import org.casebridge.server.OperationProvider;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code $caseload} (OperationDefinition {@code caseload} in our package): a case manager's
 * clients, each with every reason that needs attention, ranked, one page at a time, as a
 * Parameters resource an app renders without further calls.
 */
@Component
@Profile("!baseline")
class CaseloadOperationProvider implements OperationProvider {

	private static final String CANONICAL = "http://casebridge.org/fhir/OperationDefinition/caseload";
	private static final int DEFAULT_COUNT = 20;
	private static final int MAX_COUNT = 100;

	private final CaseloadQuery query;
	private final ProgramTemplates templates;
	private final DaoRegistry daos;

	CaseloadOperationProvider(CaseloadQuery query, ProgramTemplates templates, DaoRegistry daos) {
		this.query = query;
		this.templates = templates;
		this.daos = daos;
	}

	@Operation(name = "$caseload", type = Practitioner.class, idempotent = true, canonicalUrl = CANONICAL)
	public Parameters ofPractitioner(@IdParam IdType practitioner,
			@OperationParam(name = "program", max = 1) CodeType program,
			@OperationParam(name = "attention", max = 1) BooleanType attention,
			@OperationParam(name = "reason", max = OperationParam.MAX_UNLIMITED) List<CodeType> reasons,
			@OperationParam(name = "_count", max = 1) IntegerType count,
			@OperationParam(name = "_offset", max = 1) IntegerType offset,
			RequestDetails request) {
		return caseload(practitioner, program, attention, reasons, count, offset, request);
	}

	@Operation(name = "$caseload", type = PractitionerRole.class, idempotent = true, canonicalUrl = CANONICAL)
	public Parameters ofPractitionerRole(@IdParam IdType role,
			@OperationParam(name = "program", max = 1) CodeType program,
			@OperationParam(name = "attention", max = 1) BooleanType attention,
			@OperationParam(name = "reason", max = OperationParam.MAX_UNLIMITED) List<CodeType> reasons,
			@OperationParam(name = "_count", max = 1) IntegerType count,
			@OperationParam(name = "_offset", max = 1) IntegerType offset,
			RequestDetails request) {
		return caseload(role, program, attention, reasons, count, offset, request);
	}

	@Operation(name = "$caseload", idempotent = true, canonicalUrl = CANONICAL)
	public Parameters ofCaseManager(
			@OperationParam(name = "practitioner", min = 1, max = 1) StringType practitioner,
			@OperationParam(name = "program", max = 1) CodeType program,
			@OperationParam(name = "attention", max = 1) BooleanType attention,
			@OperationParam(name = "reason", max = OperationParam.MAX_UNLIMITED) List<CodeType> reasons,
			@OperationParam(name = "_count", max = 1) IntegerType count,
			@OperationParam(name = "_offset", max = 1) IntegerType offset,
			RequestDetails request) {
		IdType caseManager = practitioner == null || !practitioner.hasValue() ? null : new IdType(practitioner.getValue());
		if (caseManager == null || !caseManager.hasIdPart()
				|| !Set.of("Practitioner", "PractitionerRole").contains(caseManager.getResourceType())) {
			throw new InvalidRequestException("Parameter practitioner is required: the case manager, as Practitioner/[id] or "
					+ "PractitionerRole/[id]");
		}
		return caseload(caseManager, program, attention, reasons, count, offset, request);
	}

	private Parameters caseload(IdType caseManager, CodeType program, BooleanType attention, List<CodeType> reasons,
			IntegerType count, IntegerType offset, RequestDetails request) {
		int pageSize = count == null || !count.hasValue() ? DEFAULT_COUNT : count.getValue();
		int start = offset == null || !offset.hasValue() ? 0 : offset.getValue();
		if (pageSize < 1 || pageSize > MAX_COUNT) {
			throw new InvalidRequestException("Parameter _count must be from 1 to " + MAX_COUNT + ", not " + pageSize);
		}
		if (start < 0) {
			throw new InvalidRequestException("Parameter _offset must not be negative, not " + start);
		}
		Filters filters = filters(program, attention, reasons);
		String reference = caseManager.getResourceType() + "/" + caseManager.getIdPart();
		// 404 for an unknown case manager, 410 for a deleted one, as a read would answer.
		daos.getResourceDao(caseManager.getResourceType()).read(new IdType(reference), request);
		List<ClientAttention> clients = query.clients(reference, filters);

		Parameters result = new Parameters();
		result.addParameter("total", new IntegerType(clients.size()));
		if (start + pageSize < clients.size()) {
			result.addParameter("next", new UriType(nextPage(request, reference, filters, pageSize, start + pageSize)));
		}
		clients.stream().skip(start).limit(pageSize).forEach(client -> result.addParameter(clientParameter(client)));
		return result;
	}

	private Filters filters(CodeType program, BooleanType attention, List<CodeType> reasons) {
		Optional<String> programCode = Optional.ofNullable(program).filter(CodeType::hasValue).map(CodeType::getValue);
		programCode.filter(code -> !templates.isProgram(code)).ifPresent(code -> {
			throw new InvalidRequestException("Parameter program '" + code + "' is not a CaseBridge program "
					+ "(CodeSystem http://casebridge.org/fhir/CodeSystem/cb-program)");
		});
		Set<AttentionReason> wanted = EnumSet.noneOf(AttentionReason.class);
		for (CodeType reason : reasons == null ? List.<CodeType>of() : reasons) {
			wanted.add(AttentionReason.fromCode(reason.getValue()).orElseThrow(() -> new InvalidRequestException(
					"Parameter reason '" + reason.getValue() + "' is not an attention reason (CodeSystem " + AttentionReason.SYSTEM
							+ ")")));
		}
		return new Filters(programCode, attention != null && attention.booleanValue(), wanted);
	}

	private ParametersParameterComponent clientParameter(ClientAttention client) {
		ParametersParameterComponent parameter = new ParametersParameterComponent().setName("client");
		parameter.addPart().setName("patient").setValue(new Reference("Patient/" + client.client()).setDisplay(client.name().orElse(null)));
		client.program().ifPresent(program -> parameter.addPart().setName("program").setValue(templates.of(program)
				.map(template -> template.program().copy()).orElseGet(() -> new Coding(CaseloadFacts.PROGRAM, program, null))));
		client.episode().ifPresent(episode -> parameter.addPart().setName("episode")
				.setValue(new Reference(episode.reference()).setDisplay(episode.label())));
		client.plan().ifPresent(plan -> parameter.addPart().setName("carePlan")
				.setValue(new Reference(plan.reference()).setDisplay(plan.label())));
		for (Reason reason : client.reasons()) {
			ParametersParameterComponent part = parameter.addPart().setName("reason");
			part.addPart().setName("code").setValue(new Coding(AttentionReason.SYSTEM, reason.code().code(), reason.code().display()));
			part.addPart().setName("resource").setValue(new Reference(reason.resource()).setDisplay(reason.display()));
			if (reason.date() != null) {
				part.addPart().setName("date").setValue(new DateType(reason.date().toString()));
			}
			part.addPart().setName("detail").setValue(new StringType(reason.detail()));
		}
		return parameter;
	}

	/** The same request for the page after this one, as a GET that any client can follow. */
	private static String nextPage(RequestDetails request, String caseManager, Filters filters, int count, int offset) {
		List<String> query = new ArrayList<>();
		String path = request.getId() == null ? "$caseload" : caseManager + "/$caseload";
		if (request.getId() == null) {
			query.add("practitioner=" + encode(caseManager));
		}
		filters.program().ifPresent(program -> query.add("program=" + encode(program)));
		if (filters.attentionOnly()) {
			query.add("attention=true");
		}
		filters.reasons().forEach(reason -> query.add("reason=" + reason.code()));
		query.add("_count=" + count);
		query.add("_offset=" + offset);
		return request.getFhirServerBase() + "/" + path + "?" + String.join("&", query);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}

package org.casebridge.caseload;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamStatus;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Keeps one Group per case manager, in the same database transaction as every CareTeam write: its
 * members are the clients (Patients) who are the subject of an active CareTeam on which the
 * Practitioner takes part, directly or through one of their PractitionerRoles. An EHR finds it by
 * {@code identifier=http://casebridge.org/fhir/sid/caseload|<Practitioner id>} and exports exactly
 * that caseload with {@code Group/[id]/$export} (Bulk Data Access 2.0, group-level export). The
 * Group names the Practitioner only in its identifier, not by reference, so a Practitioner whose
 * care teams are gone can still be deleted.
 *
 * <p>Each change recomputes the members from the stored care teams rather than adding or removing
 * one, so a client on two of the case manager's teams stays when one ends. Two care teams of the
 * same case manager written at once must not each write a Group that lacks the other's client,
 * nor both create the first one: the Practitioner's row is locked before the Group and the members
 * are read, so the second transaction reads them only once the first has committed.
 */
@Component
@Profile("!baseline")
@Interceptor
class CaseloadGroupInterceptor {

	static final String CASELOAD_SYSTEM = "http://casebridge.org/fhir/sid/caseload";

	private final DaoRegistry daoRegistry;

	@PersistenceContext
	private EntityManager entityManager;

	CaseloadGroupInterceptor(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		if (resource instanceof CareTeam team && isActive(team)) {
			refresh(caseManagers(team));
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource updated) {
		if (updated instanceof CareTeam team && (isActive(team) || isActive((CareTeam) previous))) {
			SortedSet<String> caseManagers = caseManagers(team);
			caseManagers.addAll(caseManagers((CareTeam) previous));
			refresh(caseManagers);
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	void deleted(IBaseResource resource) {
		if (resource instanceof CareTeam team && isActive(team)) {
			refresh(caseManagers(team));
		}
	}

	/**
	 * Only active care teams make caseloads: a write of a team active neither before nor after it
	 * (an EHR's history holds many ended ones) changes none, and costs no look-up.
	 */
	private static boolean isActive(CareTeam team) {
		return team.getStatus() == CareTeamStatus.ACTIVE;
	}

	/** Ids of the Practitioners taking part in the team, directly or through a PractitionerRole. */
	private SortedSet<String> caseManagers(CareTeam team) {
		// Resources written earlier in this transaction reach the database only when flushed.
		entityManager.flush();
		return team.getParticipant().stream()
				.map(participant -> participant.getMember().getReferenceElement())
				.flatMap(member -> practitioner(member).stream())
				.collect(Collectors.toCollection(TreeSet::new));
	}

	private Optional<String> practitioner(IIdType member) {
		if (!member.hasIdPart()) {
			return Optional.empty();
		}
		if ("Practitioner".equals(member.getResourceType())) {
			return Optional.of(member.getIdPart());
		}
		if (!"PractitionerRole".equals(member.getResourceType())) {
			return Optional.empty();
		}
		try {
			IIdType practitioner = daoRegistry.getResourceDao(PractitionerRole.class)
					.read(member.toUnqualifiedVersionless(), new SystemRequestDetails())
					.getPractitioner().getReferenceElement();
			return practitioner.hasIdPart() ? Optional.of(practitioner.getIdPart()) : Optional.empty();
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			// A role deleted since the team named it no longer ties the team to a case manager.
			return Optional.empty();
		}
	}

	/** In id order, so that two transactions touching the same case managers lock them in the same order. */
	private void refresh(SortedSet<String> caseManagers) {
		caseManagers.forEach(this::refresh);
	}

	private void refresh(String practitionerId) {
		lock(practitionerId);
		SortedSet<String> clients = clients(practitionerId);
		Optional<Group> stored = caseload(practitionerId);
		if (stored.isPresent() && members(stored.get()).equals(clients)) {
			return;
		}
		Group group = new Group().setType(GroupType.PERSON).setActual(true)
				.setName("Caseload of Practitioner/" + practitionerId)
				.setQuantity(clients.size());
		group.addIdentifier().setSystem(CASELOAD_SYSTEM).setValue(practitionerId);
		clients.forEach(client -> group.addMember().setEntity(new Reference(client)));
		if (stored.isPresent()) {
			group.setId(stored.get().getIdElement().toUnqualifiedVersionless());
			daoRegistry.getResourceDao(Group.class).update(group, new SystemRequestDetails());
		} else {
			daoRegistry.getResourceDao(Group.class).create(group, new SystemRequestDetails());
		}
	}

	/**
	 * Waits for any other transaction refreshing this case manager's caseload to commit, by
	 * locking the Practitioner's row. On PostgreSQL the lock is {@code FOR NO KEY UPDATE}: every
	 * care team written holds a key-share lock on that row (the foreign key of its reference
	 * index), which {@code FOR UPDATE} would wait for, so two care teams would deadlock.
	 */
	private void lock(String practitionerId) {
		String lock = isPostgres() ? "FOR NO KEY UPDATE" : "FOR UPDATE";
		entityManager.createNativeQuery(
						"SELECT res_id FROM hfj_resource WHERE res_type = 'Practitioner' AND fhir_id = ?1 " + lock)
				.setParameter(1, practitionerId)
				.getResultList();
	}

	private boolean isPostgres() {
		return entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
				.getJdbcServices().getDialect() instanceof PostgreSQLDialect;
	}

	/** The subjects of the active care teams the case manager takes part in, as {@code Patient/<id>}. */
	private SortedSet<String> clients(String practitionerId) {
		ReferenceOrListParam participants = new ReferenceOrListParam()
				.addOr(new ReferenceParam("Practitioner/" + practitionerId));
		roles(practitionerId).forEach(role -> participants.addOr(new ReferenceParam(role)));
		SearchParameterMap teams = SearchParameterMap.newSynchronous()
				.add(CareTeam.SP_PARTICIPANT, participants)
				.add(CareTeam.SP_STATUS, new TokenParam(CareTeamStatus.ACTIVE.toCode()));
		return all(CareTeam.class, teams).stream()
				.map(team -> team.getSubject().getReferenceElement())
				.filter(subject -> "Patient".equals(subject.getResourceType()) && subject.hasIdPart())
				.map(subject -> "Patient/" + subject.getIdPart())
				.collect(Collectors.toCollection(TreeSet::new));
	}

	private List<String> roles(String practitionerId) {
		SearchParameterMap roles = SearchParameterMap.newSynchronous()
				.add(PractitionerRole.SP_PRACTITIONER, new ReferenceParam("Practitioner/" + practitionerId));
		return all(PractitionerRole.class, roles).stream()
				.map(role -> "PractitionerRole/" + role.getIdElement().getIdPart())
				.toList();
	}

	private Optional<Group> caseload(String practitionerId) {
		SearchParameterMap byIdentifier = SearchParameterMap.newSynchronous()
				.add(Group.SP_IDENTIFIER, new TokenParam(CASELOAD_SYSTEM, practitionerId));
		return all(Group.class, byIdentifier).stream().findFirst();
	}

	private static Set<String> members(Group group) {
		return group.getMember().stream()
				.map(member -> new IdType(member.getEntity().getReference()).toUnqualifiedVersionless().getValue())
				.collect(Collectors.toCollection(TreeSet::new));
	}

	private <T extends IBaseResource> List<T> all(Class<T> type, SearchParameterMap map) {
		@SuppressWarnings("unchecked")
		List<T> found = (List<T>) daoRegistry.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources();
		return found;
	}
}

package org.casebridge.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflict;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.jpa.delete.DeleteConflictOutcome;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail never stops a delete: an AuditEvent that names a resource is not a dependency
 * on it. HAPI refuses a delete while an unversioned reference points at the resource
 * ({@code DeleteConflictFinderService}), and its path-based opt-out applies to
 * {@code $delete-expunge} only. So the trail's references to the resource are pinned to the
 * version being deleted, in the delete's transaction, and HAPI looks again: what still refers to
 * the resource is a real conflict. The events keep naming it, and {@code AuditEvent?entity=} and
 * {@code ?patient=} still find them.
 */
@Component
@Interceptor
@Profile("!baseline")
class AuditTrailDeleteConflicts {

	private static final String AUDIT_EVENT = "AuditEvent";
	private static final String PIN = "UPDATE HFJ_RES_LINK SET TARGET_RESOURCE_VERSION = (SELECT r.RES_VER FROM HFJ_RESOURCE r"
			+ " WHERE r.RES_ID = HFJ_RES_LINK.TARGET_RESOURCE_ID) WHERE SOURCE_RESOURCE_TYPE = 'AuditEvent'"
			+ " AND TARGET_RESOURCE_VERSION IS NULL AND TARGET_RESOURCE_ID ="
			+ " (SELECT r.RES_ID FROM HFJ_RESOURCE r WHERE r.RES_TYPE = ? AND r.FHIR_ID = ?)";

	private final JdbcTemplate jdbc;

	AuditTrailDeleteConflicts(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
	DeleteConflictOutcome pinTheTrail(DeleteConflictList conflicts) {
		List<DeleteConflict> fromTheTrail = StreamSupport.stream(conflicts.spliterator(), false)
				.filter(conflict -> AUDIT_EVENT.equals(conflict.getSourceId().getResourceType())).toList();
		if (fromTheTrail.isEmpty()) {
			return null;
		}
		fromTheTrail.stream().map(DeleteConflict::getTargetId).distinct().forEach(target ->
				jdbc.update(PIN, target.getResourceType(), target.getIdPart()));
		conflicts.removeIf(conflict -> AUDIT_EVENT.equals(conflict.getSourceId().getResourceType()));
		return new DeleteConflictOutcome().setShouldRetryCount(1);
	}
}

package org.casebridge.referral;

import java.util.Optional;
import org.casebridge.server.RequestCaller.Caller;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Names on each version of a referral Task who wrote it (extension {@code cb-changed-by} on its
 * meta), so that the Task's history is the referral's whole story: each status, when
 * ({@code meta.lastUpdated}) and by whom. The name comes from the verified token alone; whatever a
 * client sent in its place is removed, and without access control none is set.
 */
final class ChangedBy {

	static final String URL = "http://casebridge.org/fhir/StructureDefinition/cb-changed-by";
	/** Names a token's subject where the token acts for no user or organisation (an EHR's backend). */
	static final String TOKEN_SUBJECTS = "urn:casebridge:token-subject";

	private ChangedBy() {}

	static void stamp(Task version, Optional<Caller> caller) {
		version.getMeta().getExtension().removeIf(extension -> URL.equals(extension.getUrl()));
		caller.flatMap(ChangedBy::who).ifPresent(who -> version.getMeta().addExtension(URL, who));
	}

	private static Optional<Reference> who(Caller caller) {
		return caller.party().map(Reference::new).or(() -> caller.subject().map(subject ->
				new Reference().setIdentifier(new Identifier().setSystem(TOKEN_SUBJECTS).setValue(subject))));
	}
}

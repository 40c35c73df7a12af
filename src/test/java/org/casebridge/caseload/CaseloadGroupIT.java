package org.casebridge.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CareTeam.CareTeamStatus;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The caseload Group follows care-team membership on every write, concurrent ones included. */
class CaseloadGroupIT extends FhirServerTestBase {

	@Test
	void membersAreTheClientsOfTheCaseManagersActiveTeams() {
		Reference manager = newPractitioner();
		Reference role = stored(new PractitionerRole().setPractitioner(manager));
		Reference direct = newClient();
		Reference throughRole = newClient();
		Reference onTwoTeams = newClient();
		careTeam(direct, manager);
		careTeam(throughRole, role, newPractitioner());
		CareTeam ending = team(onTwoTeams, manager);
		ending.setId(stored(ending).getReference());
		careTeam(onTwoTeams, role);
		careTeam(newClient(), newPractitioner());

		Group caseload = caseload(manager);
		assertThat(members(caseload)).containsExactlyInAnyOrder(direct.getReference(), throughRole.getReference(),
				onTwoTeams.getReference());
		assertThat(caseload.getType()).isEqualTo(Group.GroupType.PERSON);
		assertThat(caseload.getActual()).isTrue();
		assertThat(caseload.getQuantity()).isEqualTo(3);
		assertThat(caseload.hasManagingEntity()).as("the Practitioner stays deletable").isFalse();

		// One of two teams ending keeps the client; the last one ending removes them.
		client.update().resource(ending.setStatus(CareTeamStatus.INACTIVE)).execute();
		assertThat(members(caseload(manager))).contains(onTwoTeams.getReference());
		Bundle directTeams = client.search().forResource(CareTeam.class)
				.where(CareTeam.SUBJECT.hasId(direct.getReference())).returnBundle(Bundle.class).execute();
		client.delete().resourceById(directTeams.getEntryFirstRep().getResource().getIdElement()).execute();
		assertThat(members(caseload(manager))).containsExactlyInAnyOrder(throughRole.getReference(),
				onTwoTeams.getReference());
	}

	@Test
	void aTeamThatIsNotActiveMakesNoCaseloadUntilItIs() {
		Reference manager = newPractitioner();
		Reference subject = newClient();
		CareTeam planned = team(subject, manager).setStatus(CareTeamStatus.PROPOSED);
		planned.setId(stored(planned).getReference());
		client.update().resource(planned.setStatus(CareTeamStatus.SUSPENDED)).execute();
		assertThat(caseloads(manager)).isEmpty();

		client.update().resource(planned.setStatus(CareTeamStatus.ACTIVE)).execute();
		assertThat(members(caseload(manager))).containsExactly(subject.getReference());
	}

	@Test
	void teamsWrittenAtOnceLoseNoClient() throws Exception {
		Reference manager = newPractitioner();
		List<Reference> clients = IntStream.range(0, 8).mapToObj(i -> newClient()).toList();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService writers = Executors.newFixedThreadPool(clients.size());
		try {
			List<CompletableFuture<Reference>> written = clients.stream()
					.map(client -> CompletableFuture.supplyAsync(() -> {
						await(start);
						return careTeam(client, manager);
					}, writers))
					.toList();
			start.countDown();
			CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get();
		} finally {
			writers.shutdownNow();
		}

		assertThat(members(caseload(manager)))
				.containsExactlyInAnyOrderElementsOf(clients.stream().map(Reference::getReference).toList());
	}

	private Group caseload(Reference manager) {
		List<Group> groups = caseloads(manager);
		assertThat(groups).hasSize(1);
		return groups.get(0);
	}

	private List<Group> caseloads(Reference manager) {
		return client.search().forResource(Group.class)
				.where(Group.IDENTIFIER.exactly().systemAndCode(CaseloadGroupInterceptor.CASELOAD_SYSTEM,
						manager.getReferenceElement().getIdPart()))
				.returnBundle(Bundle.class).execute()
				.getEntry().stream().map(entry -> (Group) entry.getResource()).toList();
	}

	private static List<String> members(Group group) {
		return group.getMember().stream().map(member -> member.getEntity().getReference()).toList();
	}

	private Reference careTeam(Reference subject, Reference... members) {
		return stored(team(subject, members));
	}

	private static CareTeam team(Reference subject, Reference... members) {
		CareTeam team = new CareTeam().setStatus(CareTeamStatus.ACTIVE).setSubject(subject);
		for (Reference member : members) {
			team.addParticipant().setMember(member);
		}
		return team;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}

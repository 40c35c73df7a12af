package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.UUID;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class TransactionIT extends FhirServerTestBase {

	private static final String MRN = "http://hospital.example/mrn";

	@Test
	void resolvesUrnUuidReferencesBetweenEntries() {
		Bundle transaction = carePlanStory();

		Bundle response = client.transaction().withBundle(transaction).execute();

		assertThat(response.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
		String patientId = response.getEntry().get(0).getResponse().getLocation().replaceAll("/_history/.*", "");
		String goalId = response.getEntry().get(1).getResponse().getLocation().replaceAll("/_history/.*", "");
		Bundle plans = client.search().forResource(CarePlan.class)
				.where(CarePlan.SUBJECT.hasId(patientId))
				.returnBundle(Bundle.class).execute();
		assertThat(plans.getEntry()).hasSize(1);
		CarePlan plan = (CarePlan) plans.getEntryFirstRep().getResource();
		assertThat(plan.getSubject().getReference()).isEqualTo(patientId);
		assertThat(plan.getGoalFirstRep().getReference()).isEqualTo(goalId);
	}

	@Test
	void aTransactionWhoseLastEntryFailsStoresNothing() {
		Bundle transaction = carePlanStory();
		CarePlan dangling = new CarePlan()
				.setStatus(CarePlan.CarePlanStatus.ACTIVE)
				.setIntent(CarePlan.CarePlanIntent.PLAN)
				.setSubject(new Reference("Patient/does-not-exist-" + unique));
		transaction.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
				.setResource(dangling).getRequest().setMethod(HTTPVerb.POST).setUrl("CarePlan");

		assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
				.isInstanceOfSatisfying(BaseServerResponseException.class,
						e -> assertThat(e.getStatusCode()).isBetween(400, 499));

		Bundle patients = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MRN, unique))
				.returnBundle(Bundle.class).execute();
		assertThat(patients.getEntry()).isEmpty();
	}

	/** A client, a goal and the care plan that references both, linked by urn:uuid full URLs. */
	private Bundle carePlanStory() {
		String patientUrn = "urn:uuid:" + UUID.randomUUID();
		String goalUrn = "urn:uuid:" + UUID.randomUUID();

		Patient patient = new Patient();
		patient.addIdentifier().setSystem(MRN).setValue(unique);
		patient.addName().setFamily("Haddad").addGiven("Samir");

		Goal goal = new Goal()
				.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE)
				.setSubject(new Reference(patientUrn));
		goal.getDescription().setText("Stable housing within 90 days");

		CarePlan plan = new CarePlan()
				.setStatus(CarePlan.CarePlanStatus.ACTIVE)
				.setIntent(CarePlan.CarePlanIntent.PLAN)
				.setSubject(new Reference(patientUrn));
		plan.addGoal(new Reference(goalUrn));

		Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
		bundle.addEntry().setFullUrl(patientUrn).setResource(patient).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
		bundle.addEntry().setFullUrl(goalUrn).setResource(goal).getRequest().setMethod(HTTPVerb.POST).setUrl("Goal");
		bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
				.setResource(plan).getRequest().setMethod(HTTPVerb.POST).setUrl("CarePlan");
		return bundle;
	}
}

package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.model.entity.StorageSettings.TagStorageModeEnum;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.casebridge.FhirServerTestBase;
import org.casebridge.TestDatabase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A database written with HAPI's default (versioned) tag storage, as every CaseBridge database was
 * before inline tags, keeps its tags, security labels and profiles after the switch: per version,
 * readable and searchable, and the old tag rows are gone.
 */
class InlineTagMigrationIT extends FhirServerTestBase {

	@Autowired
	private JpaStorageSettings storageSettings;

	@Autowired
	private InlineTagMigration migration;

	/**
	 * Background writers (the audit trail's) stopped while the old storage is on: none of their
	 * writes may straddle the switch back, or a migration's second run would find their tags.
	 */
	@Autowired
	private List<BackgroundWork> backgroundWork;

	private final String tags = "http://example.org/tags/" + unique;

	@Test
	void resourcesStoredWithTagTablesKeepTheirLabels() throws SQLException {
		String id = "migrated-" + unique.substring(0, 8);
		String deleted = "deleted-" + unique.substring(0, 8);
		backgroundWork.forEach(BackgroundWork::stop);
		storageSettings.setTagStorageMode(TagStorageModeEnum.VERSIONED);
		try {
			write("PUT", id, """
					"meta": {"profile": ["http://example.org/StructureDefinition/old"],
					 "tag": [{"system": "%s", "code": "C", "display": "Alpha"}],
					 "security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "R"}]},
					"birthDate": "1970-01-01\"""".formatted(tags));
			write("PUT", id, """
					"meta": {"tag": [{"system": "%s", "code": "D", "version": "2", "userSelected": true}],
					 "extension": [{"url": "http://example.org/meta-note", "valueString": "imported"}]},
					"birthDate": "1970-01-02\"""".formatted(tags));
			write("PUT", deleted, """
					"meta": {"tag": [{"system": "%s", "code": "C"}]}""".formatted(tags));
			assertThat(send(request("/fhir/Patient/" + deleted).DELETE().build()).statusCode()).isEqualTo(200);
			assertThat(tagRows(id)).as("the old storage kept the tags in its tables").isPositive();
		} finally {
			storageSettings.setTagStorageMode(TagStorageModeEnum.INLINE);
			backgroundWork.forEach(BackgroundWork::start);
		}
		assertThat(read(id + "/_history/1").getMeta().hasTag()).as("before the migration").isFalse();

		assertThat(migration.migrate()).as("versions migrated").isGreaterThanOrEqualTo(3);

		Patient first = read(id + "/_history/1");
		assertThat(first.getMeta().getProfile()).extracting(profile -> profile.getValue())
				.containsExactly("http://example.org/StructureDefinition/old");
		assertThat(first.getMeta().getTag()).singleElement()
				.satisfies(tag -> assertThat(tag.getCode() + "/" + tag.getDisplay()).isEqualTo("C/Alpha"));
		assertThat(first.getMeta().getSecurityFirstRep().getCode()).isEqualTo("R");
		assertThat(first.getBirthDateElement().getValueAsString()).isEqualTo("1970-01-01");
		Patient current = read(id);
		// The old storage carried a version's tags forward into the next unless the update removed them.
		assertThat(current.getMeta().getTag()).extracting(Coding::getCode).containsExactlyInAnyOrder("C", "D");
		assertThat(current.getMeta().getTag(tags, "D")).satisfies(tag -> {
			assertThat(tag.getVersion()).isEqualTo("2");
			assertThat(tag.getUserSelected()).isTrue();
		});
		assertThat(current.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("R");
		assertThat(current.getMeta().getExtensionString("http://example.org/meta-note")).isEqualTo("imported");
		assertThat(search("_tag", tags + "|D")).containsExactly(id);
		assertThat(search("_tag", tags + "|C")).as("the deleted resource is not found").containsExactly(id);
		assertThat(search("_tag:not", tags + "|D&_id=" + id)).isEmpty();
		assertThat(tagRows(id) + tagRows(deleted)).as("tag rows left").isZero();
		assertThat(migration.migrate()).as("a second run finds nothing to do").isZero();
	}

	private void write(String method, String id, String elements) {
		HttpResponse<String> written = sendJson(method, "/fhir/Patient/" + id, """
				{"resourceType": "Patient", "id": "%s", %s}""".formatted(id, elements));
		assertThat(written.statusCode()).as(written.body()).isBetween(200, 201);
	}

	private Patient read(String path) {
		HttpResponse<String> read = send(request("/fhir/Patient/" + path).header("Accept", FHIR_JSON).build());
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		return parse(read, Patient.class);
	}

	private List<String> search(String parameter, String value) {
		String[] valueAndRest = value.split("&", 2);
		String query = parameter + "=" + URLEncoder.encode(valueAndRest[0], StandardCharsets.UTF_8)
				+ (valueAndRest.length > 1 ? "&" + valueAndRest[1] : "");
		HttpResponse<String> found = send(request("/fhir/Patient?" + query).header("Accept", FHIR_JSON).build());
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return parse(found, Bundle.class).getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().getIdPart())
				.toList();
	}

	/** Rows of HAPI's tag tables (current and per version) that belong to the Patient {@code id}. */
	private static long tagRows(String id) throws SQLException {
		try (Connection db = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, "");
				ResultSet rows = db.createStatement().executeQuery("""
						SELECT (SELECT count(*) FROM hfj_res_tag t JOIN hfj_resource r ON r.res_id = t.res_id
						        WHERE r.fhir_id = '%1$s')
						     + (SELECT count(*) FROM hfj_history_tag t JOIN hfj_resource r ON r.res_id = t.res_id
						        WHERE r.fhir_id = '%1$s')""".formatted(id))) {
			rows.next();
			return rows.getLong(1);
		}
	}
}

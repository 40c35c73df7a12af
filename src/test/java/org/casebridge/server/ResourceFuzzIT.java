package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebridge.ResourceJsonDifferences.pathOf;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.casebridge.FhirServerTestBase;
import org.casebridge.ResourceJsonDifferences;
import org.springframework.test.context.TestContextManager;

/**
 * Property-based fuzz of resource writes with valid and slightly broken Patients and
 * Observations: every answer is 2xx or 4xx, never 5xx; a 4xx carries an OperationOutcome; a
 * 2xx reads back as sent.
 *
 * <p>jqwik is its own JUnit Platform engine and does not run Spring's JUnit extension, so each
 * property joins the shared test server through Spring's {@link TestContextManager}: the same
 * configuration as every other integration test, hence the same cached context.
 */
class ResourceFuzzIT extends FhirServerTestBase {

	private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

	/** A resource type and the JSON text POSTed to it; jqwik reports a falsified case by this text. */
	record Write(String type, String json) {
		@Override
		public String toString() {
			return "POST /fhir/" + type + " " + json;
		}
	}

	@BeforeProperty
	void joinTheSharedServer() throws Exception {
		new TestContextManager(getClass()).prepareTestInstance(this);
	}

	@Property(tries = 250)
	void writesAreAnsweredWithoutServerErrorAndReadBackAsSent(@ForAll("writes") Write write) {
		HttpResponse<String> written = sendJson("POST", "/fhir/" + write.type(), write.json());
		int status = written.statusCode();
		Statistics.collect(status);

		assertThat(status).as("status of %s: %s", write, written.body()).isBetween(200, 499);
		if (status >= 400) {
			assertThat(written.body()).as("a %d answers with an OperationOutcome", status)
					.contains("\"resourceType\":\"OperationOutcome\"");
		} else {
			assertThat(ResourceJsonDifferences.isStrictJson(write.json()))
					.as("accepted JSON with a duplicate name, whose meaning is undefined: %s", write)
					.isTrue();
			assertThat(ResourceJsonDifferences.between(write.json(), written.body())).as("the create's answer").isEmpty();
			assertReadsBackAsSent(write.json(), pathOf(written.body()));
		}
	}

	@Provide
	Arbitrary<Write> writes() {
		return Arbitraries.oneOf(
				resource("Patient", patientElements()),
				resource("Observation", observationElements()));
	}

	private static Arbitrary<Write> resource(String type, Arbitrary<String> element) {
		Arbitrary<List<String>> elements = element.list().ofMinSize(0).ofMaxSize(6);
		Arbitrary<Boolean> duplicateOne = Arbitraries.of(true, false, false, false, false);
		return Combinators.combine(elements, duplicateOne).as((members, duplicate) -> {
			List<String> all = new ArrayList<>(members);
			all.add(0, "\"resourceType\":\"" + type + "\"");
			if (duplicate && members.size() > 0) {
				all.add(members.get(0));
			}
			return new Write(type, "{" + String.join(",", all) + "}");
		});
	}

	private static Arbitrary<String> patientElements() {
		return Arbitraries.frequencyOf(
				Tuple.of(4, member("name", mostly(array(humanName()), Arbitraries.oneOf(humanName(), anyValue())))),
				Tuple.of(3, member("gender", mostly(
						Arbitraries.of("male", "female", "other", "unknown").map(ResourceFuzzIT::quoted), anyValue()))),
				Tuple.of(3, member("birthDate", mostly(date(), anyValue()))),
				Tuple.of(2, member("active", mostly(Arbitraries.of("true", "false"), anyValue()))),
				Tuple.of(2, member("extension", array(extension()))),
				Tuple.of(1, member("_birthDate", Arbitraries.just("{\"extension\":[{\"url\":\"http://example.org/x\","
						+ "\"valueString\":\"y\"}]}"))),
				Tuple.of(1, member(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), anyValue())));
	}

	private static Arbitrary<String> observationElements() {
		return Arbitraries.frequencyOf(
				Tuple.of(5, member("status", mostly(
						Arbitraries.of("final", "preliminary", "amended").map(ResourceFuzzIT::quoted), anyValue()))),
				Tuple.of(5, member("code", mostly(text().map(t -> "{\"text\":" + t + "}"), anyValue()))),
				Tuple.of(4, member("valueQuantity", mostly(
						Combinators.combine(decimal(), text()).as((v, u) -> "{\"value\":" + v + ",\"unit\":" + u + "}"),
						anyValue()))),
				Tuple.of(2, member("valueInteger", mostly(integer(), anyValue()))),
				Tuple.of(2, member("effectiveDateTime", mostly(date(), anyValue()))),
				Tuple.of(1, member(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), anyValue())));
	}

	/** Mostly the valid value, so that enough writes succeed to check their round trip. */
	private static Arbitrary<String> mostly(Arbitrary<String> valid, Arbitrary<String> broken) {
		return Arbitraries.frequencyOf(Tuple.of(6, valid), Tuple.of(1, broken));
	}

	private static Arbitrary<String> humanName() {
		return Combinators.combine(text(), array(text())).as((family, given) -> "{\"family\":" + family + ",\"given\":" + given + "}");
	}

	private static Arbitrary<String> extension() {
		return Combinators.combine(
						Arbitraries.of("http://example.org/fhir/StructureDefinition/note", "", "urn:x"),
						Arbitraries.of("valueString", "valueDecimal", "valueBoolean", "valueFoo"),
						Arbitraries.oneOf(text(), decimal(), Arbitraries.of("true")))
				.as((url, name, value) -> "{\"url\":" + quoted(url) + ",\"" + name + "\":" + value + "}");
	}

	/** Any JSON value, mostly of the wrong type for where it lands: nulls, empties, nesting. */
	private static Arbitrary<String> anyValue() {
		return Arbitraries.lazyOf(
				() -> Arbitraries.of("null", "{}", "[]", "\"\"", "true", "0", "[null]"),
				ResourceFuzzIT::text,
				ResourceFuzzIT::decimal,
				() -> array(Arbitraries.lazy(ResourceFuzzIT::anyValue)),
				() -> member(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), Arbitraries.lazy(ResourceFuzzIT::anyValue))
						.map(m -> "{" + m + "}"));
	}

	/** JSON strings: letters, unicode beyond the BMP, whitespace and control characters. */
	private static Arbitrary<String> text() {
		Arbitrary<String> characters = Arbitraries.strings()
				.withCharRange('a', 'z')
				.withCharRange('\u0000', '\u001f')
				.withCharRange('\u00a0', '\u024f')
				.withChars(' ', '"', '\\', '<', '&', '\u200b', '\ufeff', '\u4e2d')
				.ofMaxLength(12);
		Arbitrary<String> plain = Arbitraries.strings().alpha().withChars(' ', '\u00e9', '\u4e2d').ofMinLength(1).ofMaxLength(12);
		return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(1, characters),
						Tuple.of(1, Arbitraries.of("Zoë 🌍", "  padded  ", "line\nbreak", "漢字")))
				.map(ResourceFuzzIT::quoted);
	}

	private static Arbitrary<String> decimal() {
		Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25)
				.filter(d -> d.equals("0") || !d.startsWith("0"));
		Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(12).map(f -> f.isEmpty() ? "" : "." + f);
		Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
				Arbitraries.integers().between(-400, 400).map(e -> "E" + (e >= 0 ? "+" : "") + e),
				Arbitraries.integers().between(-9, 9).map(e -> "e" + e));
		return Combinators.combine(Arbitraries.of("", "-"), digits, fraction, exponent).as((s, d, f, e) -> s + d + f + e);
	}

	private static Arbitrary<String> integer() {
		return Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
				Arbitraries.longs().map(String::valueOf), Arbitraries.of("2147483648", "-0", "1.0"));
	}

	private static Arbitrary<String> date() {
		return Combinators.combine(
						Arbitraries.integers().between(1, 3000), Arbitraries.integers().between(0, 13),
						Arbitraries.integers().between(0, 32), Arbitraries.of(1, 2, 3))
				.as((y, m, d, parts) -> quoted(parts == 1 ? "%04d".formatted(y)
						: parts == 2 ? "%04d-%02d".formatted(y, m) : "%04d-%02d-%02d".formatted(y, m, d)));
	}

	private static Arbitrary<String> array(Arbitrary<String> item) {
		return item.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
	}

	private static Arbitrary<String> member(String name, Arbitrary<String> value) {
		return member(Arbitraries.just(name), value);
	}

	private static Arbitrary<String> member(Arbitrary<String> name, Arbitrary<String> value) {
		return Combinators.combine(name, value).as((n, v) -> quoted(n) + ":" + v);
	}

	private static String quoted(String text) {
		return "\"" + new String(QUOTE.quoteAsString(text)) + "\"";
	}
}

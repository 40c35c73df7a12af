package org.casebridge.server;

import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Makes HAPI's JSON parser keep a decimal as the client wrote it: FHIR decimals keep their
 * precision ({@code 1.0E+3} has two significant digits, {@code 1000} four), see R4 datatypes
 * §2.24.0.2 "decimal". HAPI reads every JSON number with a fraction or exponent into Jackson's
 * {@code DecimalNode} and takes its text from {@code BigDecimal.toPlainString()}, so
 * {@code -1.0E+245} became a 246-digit number on the first parse of a request and stayed one.
 * Its writer already writes a decimal's original text.
 *
 * <p>HAPI parses with one private static Jackson mapper and offers no option for this, so the
 * mapper's node factory is swapped for one whose decimal nodes are not {@code DecimalNode}s and
 * whose text is {@code BigDecimal.toString()}, which keeps value and precision. This applies to
 * every HAPI JSON parser in the JVM, the JPA layer's reads of stored resources included.
 */
final class ExactDecimalJson {

	private ExactDecimalJson() {}

	static void install() {
		try {
			Field mapperField = JacksonStructure.class.getDeclaredField("OBJECT_MAPPER");
			mapperField.setAccessible(true);
			((ObjectMapper) mapperField.get(null)).setNodeFactory(new ExactDecimalNodeFactory());
		} catch (ReflectiveOperationException | RuntimeException e) {
			throw new IllegalStateException(
					"HAPI's JSON parser changed: decimals can no longer be kept as sent (see ExactDecimalJson)", e);
		}
	}

	private static final class ExactDecimalNodeFactory extends JsonNodeFactory {

		private static final long serialVersionUID = 1L;

		ExactDecimalNodeFactory() {
			super(true);
		}

		@Override
		public ValueNode numberNode(BigDecimal value) {
			return value == null ? nullNode() : new ExactDecimalNode(value);
		}
	}

	/** A JSON decimal whose text is its {@link BigDecimal#toString()}: value and precision as sent. */
	private static final class ExactDecimalNode extends NumericNode {

		private static final long serialVersionUID = 1L;

		private final BigDecimal value;

		ExactDecimalNode(BigDecimal value) {
			this.value = value;
		}

		@Override
		public String asText() {
			return value.toString();
		}

		@Override
		public JsonToken asToken() {
			return JsonToken.VALUE_NUMBER_FLOAT;
		}

		@Override
		public NumberType numberType() {
			return NumberType.BIG_DECIMAL;
		}

		@Override
		public boolean isFloatingPointNumber() {
			return true;
		}

		@Override
		public boolean isBigDecimal() {
			return true;
		}

		@Override
		public Number numberValue() {
			return value;
		}

		@Override
		public int intValue() {
			return value.intValue();
		}

		@Override
		public long longValue() {
			return value.longValue();
		}

		@Override
		public double doubleValue() {
			return value.doubleValue();
		}

		@Override
		public BigDecimal decimalValue() {
			return value;
		}

		@Override
		public BigInteger bigIntegerValue() {
			return value.toBigInteger();
		}

		@Override
		public boolean canConvertToInt() {
			return value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
					&& value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
		}

		@Override
		public boolean canConvertToLong() {
			return value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
					&& value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
		}

		@Override
		public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
			generator.writeNumber(value);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ExactDecimalNode node && node.value.equals(value);
		}

		@Override
		public int hashCode() {
			return value.hashCode();
		}
	}
}

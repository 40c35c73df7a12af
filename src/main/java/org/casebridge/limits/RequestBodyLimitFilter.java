package org.casebridge.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.casebridge.server.OperationOutcomeWriter;
import org.casebridge.server.RefusedRequests;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a FHIR request body, up to its limit, before HAPI does, and refuses what would hurt the
 * server or be stored wrongly: a body over {@code max-request-size} (413), bytes that are not
 * UTF-8 (400; FHIR's JSON and XML are UTF-8, and a decoder would silently store U+FFFD), and JSON
 * or XML whose shape exceeds the limits (see {@link JsonBodyShape}). HAPI then reads the body
 * from memory. A refusal is told to the audit trail, as HAPI never sees the request.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

	private final LimitsProperties limits;
	private final OperationOutcomeWriter outcomes;
	private final ObjectProvider<RefusedRequests> audit;
	private final JsonBodyShape json;
	private final XmlBodyShape xml;

	RequestBodyLimitFilter(LimitsProperties limits, OperationOutcomeWriter outcomes, ObjectProvider<RefusedRequests> audit) {
		this.limits = limits;
		this.outcomes = outcomes;
		this.audit = audit;
		this.json = new JsonBodyShape(limits);
		this.xml = new XmlBodyShape(limits);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String contentType = request.getContentType();
		// A form-encoded search (POST _search) is parsed by Tomcat, within its own max-post-size.
		return !METHODS_WITH_BODY.contains(request.getMethod())
				|| (contentType != null && contentType.startsWith("application/x-www-form-urlencoded"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body;
		try {
			body = readWithinLimit(request);
			checkContent(request, body);
		} catch (RequestRefusal refusal) {
			audit.ifAvailable(trail -> trail.refused(request, refusal.status, refusal.getMessage()));
			outcomes.write(response, refusal.status, refusal.code, refusal.getMessage());
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private byte[] readWithinLimit(HttpServletRequest request) throws IOException, RequestRefusal {
		long limit = limits.maxRequestSize().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw RequestRefusal.bodyTooLarge(limit);
		}
		InputStream in = request.getInputStream();
		byte[] body = in.readNBytes((int) limit);
		if (in.read() != -1) {
			throw RequestRefusal.bodyTooLarge(limit);
		}
		return body;
	}

	private void checkContent(HttpServletRequest request, byte[] body) throws RequestRefusal {
		String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		boolean isJson = contentType.contains("json");
		boolean isXml = contentType.contains("xml");
		if (!isJson && !isXml) {
			return;
		}
		if (request.getCharacterEncoding() == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(request.getCharacterEncoding())) {
			requireUtf8(body);
		}
		boolean rootIsResource = !isBaseEndpoint(request);
		if (isJson) {
			json.check(body, rootIsResource);
		} else {
			xml.check(body, rootIsResource);
		}
	}

	/** The system endpoint, where transaction and batch Bundles are posted. */
	private static boolean isBaseEndpoint(HttpServletRequest request) {
		String path = request.getPathInfo();
		return path == null || path.isEmpty() || "/".equals(path);
	}

	private static void requireUtf8(byte[] body) throws RequestRefusal {
		try {
			StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(body));
		} catch (CharacterCodingException e) {
			throw RequestRefusal.invalid("The body is not valid UTF-8");
		}
	}

	/** The request with its body served from memory. */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				/** The whole body is in memory: it is available at once, and read to its end. */
				@Override
				public void setReadListener(ReadListener listener) {
					try {
						listener.onDataAvailable();
						listener.onAllDataRead();
					} catch (IOException e) {
						listener.onError(e);
					}
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
		}
	}
}

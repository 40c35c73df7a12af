package org.casebridge.limits;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML counterpart of {@link JsonBodyShape}: nesting depth, repetitions of an element, entries
 * per Bundle and characters per resource. FHIR XML has no document type, so a body that declares
 * one is refused before any DTD, internal entity or external entity is looked at: nothing is
 * read from the file system or fetched, nothing is expanded.
 */
final class XmlBodyShape {

	private static final XMLInputFactory XML = XMLInputFactory.newFactory();
	private static final String FHIR_NAMESPACE = "http://hl7.org/fhir";

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XML.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
	}

	private final LimitsProperties limits;

	XmlBodyShape(LimitsProperties limits) {
		this.limits = limits;
	}

	void check(byte[] body, boolean rootIsResource) throws RequestRefusal {
		XMLStreamReader reader = null;
		try {
			reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
			walk(reader, rootIsResource);
		} catch (XMLStreamException e) {
			throw RequestRefusal.malformed("XML", e.getLocation() == null ? 0 : e.getLocation().getLineNumber(),
					e.getLocation() == null ? 0 : e.getLocation().getColumnNumber());
		} finally {
			close(reader);
		}
	}

	private void walk(XMLStreamReader reader, boolean rootIsResource) throws XMLStreamException, RequestRefusal {
		Deque<Element> open = new ArrayDeque<>();
		while (reader.hasNext()) {
			switch (reader.next()) {
				case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
						throw RequestRefusal.invalid("FHIR XML has no document type: DOCTYPE declarations and entities are not accepted");
				case XMLStreamConstants.START_ELEMENT -> {
					Element parent = open.peek();
					String name = reader.getLocalName();
					if (parent == null && !FHIR_NAMESPACE.equals(reader.getNamespaceURI())) {
						throw RequestRefusal.invalid("The body is not FHIR XML: its root element is not in the namespace " + FHIR_NAMESPACE);
					}
					if (parent != null) {
						RequestRefusal.checkRepetitions(limits, name, open.size(), parent.childSeen(name));
					}
					RequestRefusal.checkDepth(limits, open.size());
					// A resource is the root, or the one child of a <resource> element (Bundle.entry.resource).
					boolean resource = parent == null ? rootIsResource : "resource".equals(parent.name);
					open.push(new Element(name, resource, reader.getLocation().getCharacterOffset()));
				}
				case XMLStreamConstants.END_ELEMENT -> {
					Element closed = open.pop();
					if (closed.isResource) {
						RequestRefusal.checkResourceSize(limits, reader.getLocation().getCharacterOffset() - closed.startOffset);
					}
				}
				default -> {
					// text, comments and processing instructions carry no shape
				}
			}
		}
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			} catch (XMLStreamException e) {
				// nothing was held open but the byte array
			}
		}
	}

	private static final class Element {
		final String name;
		final boolean isResource;
		final long startOffset;
		final Map<String, Integer> children = new HashMap<>();

		Element(String name, boolean isResource, long startOffset) {
			this.name = name;
			this.isResource = isResource;
			this.startOffset = startOffset;
		}

		/** Counts one more child of that name; returns how many there are so far. */
		int childSeen(String child) {
			return children.merge(child, 1, Integer::sum);
		}
	}
}

package org.casebridge.server;

import ca.uhn.fhir.rest.server.IResourceProvider;

/**
 * A feature's resource provider for a type that HAPI's JPA server also serves: registered on the
 * RestfulServer instead of HAPI's provider for that type. A subclass of HAPI's provider keeps its
 * reads, writes and searches and changes what it overrides.
 */
public interface ResourceProviderOverride extends IResourceProvider {}

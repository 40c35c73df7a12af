package org.casebridge.server;

/**
 * A feature's FHIR operations ({@code @Operation} methods of a HAPI plain provider). Spring beans
 * implementing it are registered on the RestfulServer, and so appear in the CapabilityStatement.
 */
public interface OperationProvider {}

package org.casebridge.conformance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How strictly writes are held to the CaseBridge profiles.
 *
 * @param requireProfiles validate every resource of a type CaseBridge profiles (Patient, CarePlan,
 *     Task, ...) against that profile even when it does not declare it. Off by default so that
 *     EHRs can send plain R4 and US Core-shaped data; declared profiles are always enforced.
 */
@ConfigurationProperties("casebridge.conformance")
public record ConformanceProperties(@DefaultValue("false") boolean requireProfiles) {}

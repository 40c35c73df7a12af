package org.casebridge.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Assessment settings ({@code casebridge.assessment.*}).
 *
 * @param extractOnWrite extract scores and needs from a completed response as it is stored
 */
@ConfigurationProperties("casebridge.assessment")
public record AssessmentProperties(@DefaultValue("true") boolean extractOnWrite) {}

package org.casebridge.careplan;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Care planning settings ({@code casebridge.careplan.*}).
 *
 * @param recordLookback how far before a plan's start the scores and responses its conditions see go back
 */
@ConfigurationProperties("casebridge.careplan")
public record CarePlanProperties(@DefaultValue("P1Y") Period recordLookback) {}

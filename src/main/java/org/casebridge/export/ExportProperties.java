package org.casebridge.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk Data export settings ({@code casebridge.export.*}).
 *
 * @param jobStepInterval how often HAPI's batch maintenance moves export jobs on to their next
 *     step; an export takes about four of these from kick-off to manifest
 */
@ConfigurationProperties("casebridge.export")
public record ExportProperties(@DefaultValue("5s") Duration jobStepInterval) {}

package org.casebridge.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's settings ({@code casebridge.audit.*}).
 *
 * @param sealInterval how often the outbox's events are stored as AuditEvents and new AuditEvents
 *     are linked into the hash chain; an event is tamper-evident from its sealing on, so this is the
 *     longest an edit could go unnoticed
 * @param retention how long an AuditEvent is kept; six years by default, the documentation
 *     retention of HIPAA §164.316(b)(2)
 */
@ConfigurationProperties("casebridge.audit")
record AuditProperties(@DefaultValue("PT1S") Duration sealInterval, @DefaultValue("2192d") Duration retention) {}

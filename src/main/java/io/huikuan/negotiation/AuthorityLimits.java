package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.time.Instant;

/** The amounts of the authority matrix: up to {@code collectorLimit} a collector, up to {@code managerLimit} a manager. */
public record AuthorityLimits(BigDecimal collectorLimit, BigDecimal managerLimit, String updatedBy, Instant updatedAt) {
}

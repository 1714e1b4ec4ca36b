package io.huikuan.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * The effectiveness of the outbound actions dated in [from, to] grouped by {@code dimension}, judged from facts dated
 * up to {@code asOf}; payments are owed to actions within {@code attributionDays}. {@code total} is the same over all the
 * actions (its collected and attributed amounts count each payment once).
 */
public record EffectivenessReport(LocalDate from, LocalDate to, LocalDate asOf, EffectivenessDimension dimension, int attributionDays,
        List<EffectivenessRow> rows, EffectivenessRow total) {
}

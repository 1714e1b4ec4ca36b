package io.huikuan.strategy;

import java.time.LocalDate;

/** A daily collection run has written its tasks for {@code asOf} (published after it committed). */
public record CollectionRunCompleted(long runId, LocalDate asOf) {
}

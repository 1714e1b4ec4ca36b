package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportMode;
import io.huikuan.identity.CurrentUser;
import java.time.Instant;

/** What an importer needs to know about the run: who, which batch, which mode, where errors go. */
public record ImportContext(ErrorSink errors, ImportMode mode, long batchId, CurrentUser user, Instant now, String fileName) {

    /** In all-or-nothing mode the first error stops all writing (the rest of the file is still checked). */
    public boolean writing() {
        return mode == ImportMode.VALID_ROWS || errors.isEmpty();
    }

    public String actor() {
        return user.username();
    }

    /** Counts of one run. */
    public record Counts(int imported, int updated, int unchanged) {
    }
}

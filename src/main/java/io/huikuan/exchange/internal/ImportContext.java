package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportMode;
import io.huikuan.identity.CurrentUser;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What an importer needs to know about the run: who, which batch, which mode, where errors go;
 * {@code touchedInvoices} collects the stored invoices whose balances the run changed (besides the
 * new ones), so the balance read model is refreshed for exactly those.
 */
public record ImportContext(ErrorSink errors, ImportMode mode, long batchId, CurrentUser user, Instant now, String fileName,
        Set<Long> touchedInvoices) {

    public ImportContext(ErrorSink errors, ImportMode mode, long batchId, CurrentUser user, Instant now, String fileName) {
        this(errors, mode, batchId, user, now, fileName, new HashSet<>());
    }

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

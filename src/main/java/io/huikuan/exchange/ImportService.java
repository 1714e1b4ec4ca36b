package io.huikuan.exchange;

import io.huikuan.exchange.internal.BadFileException;
import io.huikuan.exchange.internal.CustomerImporter;
import io.huikuan.exchange.internal.ErrorSink;
import io.huikuan.exchange.internal.FileFormats;
import io.huikuan.exchange.internal.ImportBatches;
import io.huikuan.exchange.internal.ImportContext;
import io.huikuan.exchange.internal.ImportContext.Counts;
import io.huikuan.exchange.internal.InvoiceImporter;
import io.huikuan.exchange.internal.PaymentImporter;
import io.huikuan.exchange.internal.RowSource;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.BalancePeriods;
import io.huikuan.identity.Role;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a CSV or XLSX file of customers, invoices or payments: stream-parsed, validated row by
 * row, then written set-based in one transaction. The web UI, the REST API and the command line
 * all call {@link #run}.
 * <p>
 * All-or-nothing (default): one bad row and nothing is written. Valid-rows: good rows are
 * written, bad ones reported. Dry run: everything is checked and counted, then rolled back.
 * Importing the same file twice changes nothing (the second run reports every row unchanged).
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final TransactionTemplate tx;
    private final CustomerImporter customers;
    private final InvoiceImporter invoices;
    private final PaymentImporter payments;
    private final ImportBatches batches;
    private final BalancePeriods periods;
    private final Clock clock;
    private final ImportLimits limits;

    ImportService(PlatformTransactionManager transactions, CustomerImporter customers, InvoiceImporter invoices, PaymentImporter payments,
            ImportBatches batches, BalancePeriods periods, Clock clock, ImportLimits limits) {
        this.limits = limits;
        this.periods = periods;
        this.tx = new TransactionTemplate(transactions);
        this.customers = customers;
        this.invoices = invoices;
        this.payments = payments;
        this.batches = batches;
        this.clock = clock;
    }

    /**
     * Imports follow the rights of the single-row APIs: customers may be imported by whoever may create
     * customers (ADMIN, MANAGER, FINANCE, COLLECTOR for their own portfolio); invoices and payments
     * write the ledger, like {@code PUT /api/invoices} and {@code POST /api/payments}: ADMIN, MANAGER,
     * FINANCE only. LEGAL imports nothing.
     */
    public static Role[] rolesFor(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> new Role[] {Role.MANAGER, Role.FINANCE, Role.COLLECTOR};
            case INVOICES, PAYMENTS -> new Role[] {Role.MANAGER, Role.FINANCE};
        };
    }

    /** May {@code user} import files of this kind (ADMIN may import every kind)? */
    public static boolean mayImport(CurrentUser user, ImportKind kind) {
        return user.has(Role.ADMIN) || java.util.Arrays.stream(rolesFor(kind)).anyMatch(user::has);
    }

    /** The kinds {@code user} may import, in the order the import page offers them; empty when none. */
    public static List<ImportKind> kindsFor(CurrentUser user) {
        return java.util.Arrays.stream(ImportKind.values()).filter(k -> mayImport(user, k)).toList();
    }

    /**
     * Imports {@code in} (a CSV or XLSX file; the content decides, the name only helps). Bad input
     * never throws: it is reported in the answer. Throws {@link AccessDeniedException} (before reading
     * anything) for a user who may not import this kind (see {@link #rolesFor}), dry runs included.
     */
    public ImportReport run(ImportKind kind, InputStream in, String filename, ImportMode mode, boolean dryRun) {
        CurrentUser user = CurrentUser.require("import " + kind.name().toLowerCase(java.util.Locale.ROOT), rolesFor(kind));
        ImportMode m = mode == null ? ImportMode.ALL_OR_NOTHING : mode;
        ErrorSink errors = new ErrorSink();
        MessageDigest sha = sha256();
        File spool = null;
        Counts[] counts = {new Counts(0, 0, 0)};
        boolean[] written = {false};
        try {
            spool = File.createTempFile("huikuan-import-", ".xlsx");
            try (InputStream digesting = new DigestInputStream(in, sha)) {
                File spoolFile = spool;
                tx.executeWithoutResult(status -> {
                    Instant now = Instant.now(clock);
                    long batch = batches.start(kind, filename, m, user.username(), now);
                    ImportContext ctx = new ImportContext(errors, m, batch, user, now, filename == null ? "upload" : filename);
                    try (RowSource source = FileFormats.open(digesting, filename, spoolFile, limits)) {
                        Counts c = switch (kind) {
                            case CUSTOMERS -> customers.run(source, ctx);
                            case INVOICES -> invoices.run(source, ctx);
                            case PAYMENTS -> payments.run(source, ctx);
                        };
                        drain(digesting);
                        if (dryRun || !ctx.writing()) {
                            counts[0] = ctx.writing() ? c : new Counts(0, 0, 0);
                            status.setRollbackOnly();
                            return;
                        }
                        long watermark = batches.watermark(batch);
                        switch (kind) {
                            case INVOICES -> periods.addInvoicesAfter(watermark);
                            case PAYMENTS -> periods.refreshPaymentsAfter(watermark);
                            case CUSTOMERS -> {
                            }
                        }
                        periods.refresh(ctx.touchedInvoices());
                        batches.finish(batch, kind, filename, HexFormat.of().formatHex(sha.digest()), c, errors.rejected(), user.username(),
                                Instant.now(clock));
                        counts[0] = c;
                        written[0] = true;
                    } catch (RuntimeException e) {
                        status.setRollbackOnly();
                        throw e;
                    }
                });
            }
        } catch (BadFileException e) {
            errors.add(e.row(), e.column(), e.value(), e.getMessage());
            counts[0] = new Counts(0, 0, 0);
            written[0] = false;
        } catch (DataAccessException e) {
            log.warn("import of {} failed in the database", filename, e);
            errors.add(0, "file", "", "the import conflicts with stored data or a concurrent change and was rolled back: "
                    + rootMessage(e));
            counts[0] = new Counts(0, 0, 0);
            written[0] = false;
        } catch (IOException | UncheckedIOException e) {
            errors.add(0, "file", "", "the file cannot be read: " + e.getMessage());
            counts[0] = new Counts(0, 0, 0);
            written[0] = false;
        } catch (RuntimeException e) {
            if (e instanceof AccessDeniedException) {
                throw e;
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof java.sql.SQLException || e.getClass().getName().contains("SinkException")) {
                log.warn("import of {} failed in the database", filename, e);
                errors.add(0, "file", "", "the import conflicts with stored data or a concurrent change and was rolled back: " + root.getMessage());
            } else {
                log.error("import of {} failed", filename, e);
                errors.add(0, "file", "", "the import failed and was rolled back: " + e);
            }
            counts[0] = new Counts(0, 0, 0);
            written[0] = false;
        } finally {
            if (spool != null) {
                spool.delete();
            }
        }
        Counts c = counts[0];
        if (written[0]) {
            batches.analyzeAfterBulk(kind, c.imported() + c.updated());
        }
        List<ImportReport.RowError> list = errors.list();
        return new ImportReport(c.imported(), c.updated(), c.unchanged(), errors.rejected(),
                list, dryRun, written[0], errors.warnings());
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the digest is informative only
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

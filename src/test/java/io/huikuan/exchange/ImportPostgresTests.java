package io.huikuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.support.PostgresSupport;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same import behaviours on a real PostgreSQL (COPY and a temp staging table), plus concurrent imports. */
class ImportPostgresTests extends ImportBehaviour {

    @Autowired
    ImportService imports;

    @BeforeAll
    static void requirePostgres() {
        PostgresSupport.requirePostgres();
    }

    @DynamicPropertySource
    static void pg(DynamicPropertyRegistry r) {
        PostgresSupport.register(r);
    }

    @Test
    void twoImportsOfTheSameNewInvoicesAtOnceWriteThemOnceAndTheLoserIsReportedNotHalfWritten() throws Exception {
        StringBuilder b = new StringBuilder("invoice_no,customer_code,issue_date,due_date,amount\n");
        for (int i = 0; i < 2000; i++) {
            b.append(p).append("RACE-").append(i).append(',').append(c1).append(",2026-01-05,2026-02-04,100\n");
        }
        byte[] file = csv(b.toString());
        Callable<ImportReport> task = () -> imports.run(ImportKind.INVOICES, new ByteArrayInputStream(file), "race.csv",
                ImportMode.ALL_OR_NOTHING, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ImportReport>> results = pool.invokeAll(List.of(task, task));
            List<ImportReport> reports = List.of(results.get(0).get(), results.get(1).get());
            assertThat(reports).filteredOn(ImportReport::written).hasSizeGreaterThanOrEqualTo(1);
            int imported = reports.stream().mapToInt(ImportReport::imported).sum();
            int unchanged = reports.stream().mapToInt(ImportReport::unchanged).sum();
            assertThat(imported).isEqualTo(2000);
            for (ImportReport r : reports) {
                if (!r.written()) {
                    assertThat(r.errors()).singleElement().satisfies(e -> {
                        assertThat(e.column()).isEqualTo("file");
                        assertThat(e.message()).contains("concurrent change");
                    });
                } else {
                    assertThat(r.imported() + r.unchanged()).isEqualTo(2000);
                }
            }
            assertThat(imported + unchanged).isBetween(2000, 4000);
        } finally {
            pool.shutdown();
        }
        assertThat(count("invoice", "invoice_no")).isEqualTo(2000);
    }
}

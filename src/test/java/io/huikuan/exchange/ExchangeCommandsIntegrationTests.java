package io.huikuan.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.HuikuanApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar huikuan.jar import|export ...}: the report on stdout, the exit code, the files written. */
class ExchangeCommandsIntegrationTests {

    private final String url = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    record Run(int exitCode, String out) {
    }

    Run run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--spring.datasource.url=" + url;
        all[args.length + 1] = "--logging.level.root=WARN";
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(HuikuanApplication.class).web(WebApplicationType.NONE)
                    .profiles("cli").run(all);
            return new Run(SpringApplication.exit(ctx), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void importPrintsTheReportAndFailsWithRejectedRowsAndExportWritesAFile(@TempDir Path dir) throws Exception {
        Path customers = dir.resolve("customers.csv");
        Files.writeString(customers, "客户编码,客户名称,区域\nCLI-1,杭州海康配件有限公司,华东\nCLI-2,成都天府物流有限公司,西南\n");
        Path invoices = dir.resolve("invoices.csv");
        Files.writeString(invoices, "invoice_no,customer_code,issue_date,due_date,amount\nCLI-INV-1,CLI-1,2026-01-01,2026-01-31,1000\n"
                + "CLI-INV-2,CLI-2,2026-02-01,2026-03-02,\"2,000.00\"\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "invoice_no,customer_code,issue_date,due_date,amount\nCLI-INV-3,CLI-1,2026-01-01,2026-01-31,100\n"
                + "CLI-INV-4,NOBODY,2026-01-01,2026-01-31,100\n");

        Run c = run("import", "customers", customers.toString());
        assertThat(c.exitCode()).isZero();
        assertThat(c.out()).contains("\"imported\" : 2");

        Run dry = run("import", "invoices", invoices.toString(), "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("\"dryRun\" : true").contains("\"imported\" : 2");
        assertThat(count("invoice")).isZero();

        assertThat(run("import", "invoices", invoices.toString()).exitCode()).isZero();
        assertThat(count("invoice")).isEqualTo(2);

        Run rejected = run("import", "invoices", bad.toString());
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.out()).contains("\"row\" : 3").contains("\"column\" : \"customer_code\"").contains("unknown customer");
        assertThat(count("invoice")).isEqualTo(2);

        Run valid = run("import", "invoices", bad.toString(), "--mode=valid-rows");
        assertThat(valid.exitCode()).isEqualTo(1);
        assertThat(count("invoice")).isEqualTo(3);

        assertThat(run("import", "invoices", dir.resolve("missing.csv").toString()).exitCode()).isEqualTo(2);

        Path xlsx = dir.resolve("out.xlsx");
        assertThat(run("export", "invoices", xlsx.toString()).exitCode()).isZero();
        var rows = ImportBehaviour.readXlsx(Files.readAllBytes(xlsx));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get(0)).isEqualTo("invoice_no");
        Path csv = dir.resolve("out.csv");
        assertThat(run("export", "customers", csv.toString(), "--lang=zh").exitCode()).isZero();
        assertThat(Files.readString(csv)).startsWith("\uFEFF客户编码,客户名称").contains("CLI-2,成都天府物流有限公司,西南");
        Run again = run("import", "invoices", xlsx.toString());
        assertThat(again.out()).contains("\"unchanged\" : 3");
        assertThat(sum()).isEqualByComparingTo("3100.00");
    }

    private long count(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BigDecimal sum() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); ResultSet rs = c.createStatement().executeQuery("SELECT sum(amount) FROM invoice")) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}

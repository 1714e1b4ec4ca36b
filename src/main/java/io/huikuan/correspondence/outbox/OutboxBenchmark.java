package io.huikuan.correspondence.outbox;

import io.huikuan.common.Cli;
import io.huikuan.correspondence.Documents;
import io.huikuan.correspondence.Outbox;
import io.huikuan.correspondence.OutboxChannel;
import io.huikuan.correspondence.OutgoingMessage;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code benchmark outbox [--count=5000] [--threads=N] [--batch=200] [--warmup=200] [--smtp-host=H --smtp-port=P]}:
 * issues one statement PDF, enqueues {@code count} e-mails carrying it (in transactions of 500), then delivers them
 * with the outbox sender to an SMTP server (by default an in-process SMTP sink on a free port that accepts and
 * counts) and prints the enqueue and delivery rates. It adds the messages (and one customer and document when
 * needed) to the database.
 */
@Component
@Profile("cli")
class OutboxBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final OutboxStore store;
    private final Outbox outbox;
    private final CustomerService customers;
    private final Documents documents;
    private final MailProperties mail;
    private final ChannelProperties webhooks;
    private final OutboxProperties props;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private final Clock clock;
    private int exitCode;

    OutboxBenchmark(OutboxStore store, Outbox outbox, CustomerService customers, Documents documents, MailProperties mail,
            ChannelProperties webhooks, OutboxProperties props, JdbcClient jdbc, PlatformTransactionManager transactions, DataSource dataSource,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.customers = customers;
        this.documents = documents;
        this.mail = mail;
        this.webhooks = webhooks;
        this.props = props;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!Cli.invokes(args, "benchmark", "outbox")) {
            return;
        }
        int count = Integer.parseInt(Cli.option(args, "count", "5000"));
        int threads = Integer.parseInt(Cli.option(args, "threads", String.valueOf(props.threads())));
        int batch = Integer.parseInt(Cli.option(args, "batch", String.valueOf(props.batchSize())));
        int warmup = Integer.parseInt(Cli.option(args, "warmup", "200"));
        String host = Cli.option(args, "smtp-host");
        SmtpSink sink = host == null ? SmtpSink.start(null) : null;
        int port = sink != null ? sink.port() : Integer.parseInt(Cli.option(args, "smtp-port", "25"));
        String smtpHost = host == null ? "127.0.0.1" : host;

        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost(smtpHost);
        smtp.setPort(port);
        Properties p = new Properties();
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        smtp.setJavaMailProperties(p);
        OutboxProperties benchProps = new OutboxProperties(false, props.pollInterval(), batch, threads, props.maxAttempts(), props.backoffBase(),
                props.backoffCap(), props.lease(), props.longQueued());
        OutboxSender sender = new OutboxSender(store, new ChannelRegistry(() -> smtp, mail, webhooks, clock), benchProps, clock);
        try {
            String code = customer();
            LocalDate today = LocalDate.now(clock);
            Documents.Document doc = documents.issueStatement(code, today.minusMonths(6), today);
            long customerId = customers.ref(code).id();
            String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);

            enqueue(run + "-w", warmup, customerId, doc.id());
            drain(sender);
            long enqStart = System.nanoTime();
            enqueue(run, count, customerId, doc.id());
            double enqSeconds = (System.nanoTime() - enqStart) / 1e9;
            long acceptedBefore = sink == null ? 0 : sink.accepted();

            long cpuBefore = cpuNanos();
            long started = System.nanoTime();
            int sent = drain(sender);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (cpuNanos() - cpuBefore) / 1e9;

            Map<String, Long> states = new TreeMap<>();
            jdbc.sql("SELECT status, count(*) FROM outbox_message WHERE idempotency_key LIKE ? GROUP BY status").param(run + "-0%")
                    .query((rs, n) -> states.put(rs.getString(1), rs.getLong(2))).list();
            String database;
            try (var c = dataSource.getConnection()) {
                database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
            System.out.printf(Locale.ROOT, "benchmark outbox: %,d e-mails with a %,d-byte PDF attachment (%s) enqueued in %.1f s (%.0f/s); "
                            + "delivered %,d to SMTP %s:%d%s in %.1f s: %.0f e-mails/s on %d threads (batch %d); this JVM used %.1f s of CPU for it "
                            + "(%.2f ms per e-mail, sink included; the database server not counted); states %s; %s; %d cores%n",
                    count, doc.sizeBytes(), doc.number(), enqSeconds, count / enqSeconds, sent, smtpHost, port,
                    sink == null ? "" : " (in-process sink: accepted " + (sink.accepted() - acceptedBefore) + ", "
                            + (sink.bytes() / 1024 / 1024) + " MB in all)",
                    seconds, sent / seconds, threads, batch, cpu, sent == 0 ? 0 : cpu * 1000 / sent, states, database, Runtime.getRuntime().availableProcessors());
            if (states.getOrDefault("SENT", 0L) != count) {
                exitCode = 1;
            }
        } finally {
            sender.destroy();
            if (sink != null) {
                sink.close();
            }
        }
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Sends until nothing due is left; returns how many were sent. */
    private int drain(OutboxSender sender) {
        int sent = 0;
        while (true) {
            OutboxSender.Pass pass = sender.runOnce();
            sent += pass.sent();
            if (pass.sent() + pass.retrying() + pass.failed() == 0) {
                return sent;
            }
        }
    }

    private void enqueue(String run, int n, long customerId, long documentId) {
        for (int from = 0; from < n; from += 500) {
            int start = from;
            int end = Math.min(n, from + 500);
            tx.executeWithoutResult(s -> {
                for (int i = start; i < end; i++) {
                    outbox.enqueue(new OutgoingMessage(run + "-" + String.format("%07d", i), OutboxChannel.EMAIL, customerId,
                            "ap" + i + "@customer.example.com", "对账单 / Statement of account " + i,
                            "您好，附件是贵司的对账单，请核对。\nPlease find your statement of account attached.",
                            "<p>您好，附件是贵司的<b>对账单</b>，请核对。</p><p>Please find your statement of account attached.</p>",
                            List.of(documentId), null, "benchmark"));
                }
            });
        }
    }

    /** A customer to write to: the first one, or a new one in an empty database. */
    private String customer() {
        List<String> codes = jdbc.sql("SELECT code FROM customer ORDER BY id LIMIT 1").query(String.class).list();
        if (!codes.isEmpty()) {
            return codes.get(0);
        }
        return customers.create(new Customer("BENCH-OUTBOX", "基准测试客户有限公司", null, null, null, null, null, null, null, null, List.of()),
                "benchmark outbox").code();
    }
}

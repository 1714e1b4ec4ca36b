package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import io.huikuan.common.ValidationException;
import io.huikuan.correspondence.Outbox.MessageView;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.correspondence.outbox.SmtpSink;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.TestSmtp;
import io.huikuan.support.MovableClock;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The e-mail outbox against a real SMTP server (GreenMail): the statement PDF arrives as an attachment with the
 * outbox's Message-ID; a rolled-back business change sends nothing; an idempotency key sends once; SMTP down →
 * retried after the back-off and sent exactly once; a bad or refused address fails for good, visibly; a sender
 * killed between the server's acceptance and the record never sends twice (UNCONFIRMED, requeued by a manager).
 * The sender is driven by hand ({@code runOnce}) with a movable clock.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.outbox.threads=2", "huikuan.outbox.max-attempts=3",
        "huikuan.outbox.backoff-base=PT1M", "huikuan.outbox.lease=PT5M", "huikuan.mail.from=ar@huikuan.test"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
abstract class OutboxBehaviour {

    static final GreenMail SMTP = TestSmtp.start();

    static int freePort() {
        return TestSmtp.freePort();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        TestSmtp.register(r, SMTP);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDirectory users;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    PlatformTransactionManager transactions;

    String code;
    long customerId;
    int smtpPort;

    @BeforeEach
    void customer() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        smtpPort = mailSender.getPort();
        // this context's database: messages earlier tests left waiting must not count in this test's passes
        jdbc.sql("UPDATE outbox_message SET status = 'FAILED', last_error = 'parked by the test' WHERE status IN ('QUEUED', 'SENDING')").update();
        Api.user(users, "oxadmin", Role.ADMIN);
        Api.user(users, "oxmanager", Role.MANAGER);
        Api.user(users, "oxfinance", Role.FINANCE);
        Api.user(users, "oxcol", Role.COLLECTOR);
        Api.user(users, "oxother", Role.COLLECTOR);
        code = "OX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        call(post("/api/customers"), "oxadmin", """
                {"code":"%s","name":"苏州恒达精密机械有限公司","owner":"oxcol"}""".formatted(code)).andExpect(status().isCreated());
        call(post("/api/invoices"), "oxfinance", """
                {"invoiceNo":"%s-A","customerCode":"%s","issueDate":"2026-04-15","dueDate":"2026-05-15","amount":2500.50}"""
                .formatted(code, code)).andExpect(status().isCreated());
        customerId = customers.ref(code).id();
    }

    @AfterEach
    void restore() {
        sender.afterSend(null);
        mailSender.setPort(smtpPort);
    }

    ResultActions call(MockHttpServletRequestBuilder req, String user, String json) throws Exception {
        return Api.call(mvc, req, user, json);
    }

    long enqueue(OutgoingMessage m) {
        return new TransactionTemplate(transactions).execute(s -> outbox.enqueue(m));
    }

    OutgoingMessage email(String key, String to, List<Long> docs) {
        return new OutgoingMessage(code + "-" + key, OutboxChannel.EMAIL, customerId, to, "对账单 " + code, "您好，请查收对账单。",
                "<p>您好，请查收<b>对账单</b>。</p>", docs, null, "oxcol");
    }

    void advance(Duration d) {
        ZonedDateTime z = clock.instant().plus(d).atZone(clock.getZone());
        clock.set(z.toLocalDate(), z.toLocalTime());
    }

    MessageView view(long id) {
        return outbox.get(id);
    }

    List<MimeMessage> received(String key) throws Exception {
        List<MimeMessage> list = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (("<" + code + "-" + key + "@huikuan>").equals(m.getMessageID())) {
                list.add(m);
            }
        }
        return list;
    }

    static void pdfParts(Part p, List<Part> found) throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                pdfParts(mp.getBodyPart(i), found);
            }
        } else if (p.getFileName() != null && p.getFileName().endsWith(".pdf")) {
            found.add(p);
        }
    }

    @Test
    void anEmailWithTheStatementPdfIsReceived() throws Exception {
        JsonNode doc = Api.json(call(post("/api/customers/" + code + "/statements").param("from", "2026-01-01").param("to", "2026-06-30"),
                "oxcol", null).andExpect(status().isCreated()));
        String number = doc.get("number").asString();
        long id = enqueue(email("statement", "finance@hengda.example.com", List.of(doc.get("id").asLong())));
        assertThat(view(id).status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(view(id).attachments()).isEqualTo(1);

        OutboxSender.Pass pass = sender.runOnce();
        assertThat(pass.sent()).isEqualTo(1);

        List<MimeMessage> got = received("statement");
        assertThat(got).hasSize(1);
        MimeMessage m = got.get(0);
        assertThat(m.getSubject()).isEqualTo("对账单 " + code);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("finance@hengda.example.com");
        assertThat(m.getFrom()[0].toString()).isEqualTo("ar@huikuan.test");
        List<Part> pdfs = new ArrayList<>();
        pdfParts(m, pdfs);
        assertThat(pdfs).hasSize(1);
        assertThat(pdfs.get(0).getFileName()).isEqualTo(number + ".pdf");
        assertThat(pdfs.get(0).getContentType()).startsWith("application/pdf");
        byte[] bytes = pdfs.get(0).getInputStream().readAllBytes();
        try (PDDocument d = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(d)).contains("苏州恒达精密机械有限公司", "对账单", code + "-A");
        }

        MessageView v = view(id);
        assertThat(v.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(v.sentAt()).isEqualTo(clock.instant());
        assertThat(v.providerId()).isEqualTo("<" + code + "-statement@huikuan>");
        assertThat(v.attempts()).isEqualTo(1);
        call(get("/api/customers/" + code + "/messages"), "oxcol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].status").value("SENT"))
                .andExpect(jsonPath("$[0].channel").value("EMAIL")).andExpect(jsonPath("$[0].attachments").value(1));
        // nothing is left to send
        assertThat(sender.runOnce().sent()).isZero();
        assertThat(received("statement")).hasSize(1);
    }

    @Test
    void aRolledBackChangeQueuesAndSendsNothing() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            outbox.enqueue(email("rollback", "someone@hengda.example.com", List.of()));
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE idempotency_key = ?").param(code + "-rollback").query(Long.class).single())
                .isZero();
        sender.runOnce();
        assertThat(received("rollback")).isEmpty();
        // and there must be a business transaction to join
        assertThatThrownBy(() -> outbox.enqueue(email("notx", "someone@hengda.example.com", List.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theSameIdempotencyKeySendsOneEmail() throws Exception {
        long first = enqueue(email("once", "once@hengda.example.com", List.of()));
        long second = enqueue(email("once", "changed@hengda.example.com", List.of()));
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE idempotency_key = ?").param(code + "-once").query(Long.class).single())
                .isEqualTo(1);
        sender.runOnce();
        assertThat(enqueue(email("once", "once@hengda.example.com", List.of()))).isEqualTo(first);
        sender.runOnce();
        List<MimeMessage> got = received("once");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getAllRecipients()[0].toString()).isEqualTo("once@hengda.example.com");
    }

    @Test
    void smtpDownIsRetriedAfterTheBackOffAndSentOnce() throws Exception {
        mailSender.setPort(freePort()); // nothing listens there
        long id = enqueue(email("retry", "retry@hengda.example.com", List.of()));
        Instant started = clock.instant();
        OutboxSender.Pass pass = sender.runOnce();
        assertThat(pass.retrying()).isEqualTo(1);
        MessageView v = view(id);
        assertThat(v.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(v.attempts()).isEqualTo(1);
        assertThat(v.nextAttemptAt()).isEqualTo(started.plus(Duration.ofMinutes(1)));
        assertThat(v.lastError()).contains("cannot reach the mail server");
        // shown as waiting in the failures list
        call(get("/api/outbox").param("status", "PROBLEMS").param("customer", code), "oxmanager", null)
                .andExpect(jsonPath("$.items[0].id").value(id)).andExpect(jsonPath("$.items[0].status").value("QUEUED"));

        mailSender.setPort(smtpPort); // the server is back, but the message is not due yet
        advance(Duration.ofSeconds(30));
        assertThat(sender.runOnce().sent()).isZero();
        assertThat(received("retry")).isEmpty();
        assertThat(view(id).attempts()).isEqualTo(1);

        advance(Duration.ofSeconds(31));
        assertThat(sender.runOnce().sent()).isEqualTo(1);
        v = view(id);
        assertThat(v.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(v.attempts()).isEqualTo(2);
        assertThat(v.lastError()).isNull();
        sender.runOnce();
        assertThat(received("retry")).hasSize(1);
    }

    @Test
    void transientFailuresGiveUpAfterMaxAttemptsWithGrowingBackOff() throws Exception {
        mailSender.setPort(freePort());
        long id = enqueue(email("giveup", "giveup@hengda.example.com", List.of()));
        sender.runOnce();
        Instant t1 = clock.instant();
        assertThat(view(id).nextAttemptAt()).isEqualTo(t1.plus(Duration.ofMinutes(1)));
        advance(Duration.ofMinutes(1));
        sender.runOnce();
        assertThat(view(id).attempts()).isEqualTo(2);
        assertThat(view(id).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        advance(Duration.ofMinutes(2));
        assertThat(sender.runOnce().failed()).isEqualTo(1);
        MessageView v = view(id);
        assertThat(v.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(v.permanent()).isFalse();
        assertThat(v.attempts()).isEqualTo(3);
        assertThat(v.lastError()).startsWith("gave up after 3 attempts: cannot reach the mail server");
    }

    @Test
    void badAndRefusedAddressesFailForGoodVisibly() throws Exception {
        // refused when queued: the field and the rule are named
        assertThatThrownBy(() -> enqueue(email("bad", "zhang san@hengda", List.of()))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).anySatisfy(f -> {
                    assertThat(f.field()).isEqualTo("recipient");
                    assertThat(f.code()).isEqualTo("outbox.email");
                }));
        assertThatThrownBy(() -> enqueue(new OutgoingMessage(code + "-bad2", OutboxChannel.EMAIL, customerId, "a@hengda.example.com", " ",
                "x", null, List.of(999_999_999L), null, "oxcol"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).contains("subject", "documentIds"));
        assertThatThrownBy(() -> enqueue(new OutgoingMessage(code + "-bad3", OutboxChannel.SMS, customerId, "call me", null, "x", null,
                List.of(), null, "oxcol"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::code).containsExactly("outbox.phone"));
        assertThatThrownBy(() -> enqueue(new OutgoingMessage("bad key!", OutboxChannel.EMAIL, customerId, "a@hengda.example.com", "s", "x",
                null, List.of(), null, "oxcol"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("idempotencyKey"));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE customer_id = ?").param(customerId).query(Long.class).single()).isZero();

        // an address written before the rules (imported, or by SQL) that is not an address at all
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO outbox_message (idempotency_key, channel, customer_id, recipient, subject, body_text, status, next_attempt_at,
                  created_by, created_at) VALUES (?, 'EMAIL', ?, 'zhang san@@hengda', '催款函', 'x', 'QUEUED', ?, 'import', ?)""")
                .params(code + "-legacy", customerId, now, now).update();
        long legacy = jdbc.sql("SELECT id FROM outbox_message WHERE idempotency_key = ?").param(code + "-legacy").query(Long.class).single();

        // a recipient the mail server refuses with 550
        long refused;
        try (SmtpSink sink = SmtpSink.start(r -> r.startsWith("nobody@"))) {
            mailSender.setPort(sink.port());
            refused = enqueue(email("refused", "nobody@hengda.example.com", List.of()));
            OutboxSender.Pass pass = sender.runOnce();
            assertThat(pass.failed()).isEqualTo(2);
            assertThat(sink.refused()).isEqualTo(1);
            assertThat(sink.accepted()).isZero();
        }
        MessageView v = view(refused);
        assertThat(v.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(v.permanent()).isTrue();
        assertThat(v.attempts()).isEqualTo(1);
        assertThat(v.lastError()).contains("refused nobody@hengda.example.com", "550");
        MessageView l = view(legacy);
        assertThat(l.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(l.permanent()).isTrue();
        assertThat(l.lastError()).contains("is not a valid e-mail address");

        call(get("/api/outbox").param("status", "FAILED").param("size", "1000"), "oxfinance", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + refused + ")].permanent").value(true))
                .andExpect(jsonPath("$.items[?(@.id == " + legacy + ")].lastError").value(l.lastError()));
        call(get("/api/customers/" + code + "/messages"), "oxcol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.id == " + refused + ")].status").value("FAILED"))
                .andExpect(jsonPath("$[?(@.id == " + refused + ")].lastError").value(v.lastError()));
        String panel = mvc.perform(get("/customers/" + code + "/messages")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("oxcol")
                                .roles("COLLECTOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("id=\"messages-bad-address\"", "地址无效", "nobody@hengda.example.com", "550").doesNotContain("??");
    }

    @Test
    void aSenderKilledAfterTheServerAcceptedNeverSendsTwice() throws Exception {
        long id = enqueue(email("crash", "crash@hengda.example.com", List.of()));
        sender.afterSend(e -> {
            throw new SimulatedCrash();
        });
        sender.runOnce();
        sender.afterSend(null);
        assertThat(received("crash")).hasSize(1);
        assertThat(view(id).status()).isEqualTo(OutboxStatus.SENDING);

        // a fresh pass within the lease: the message is someone's, left alone
        advance(Duration.ofMinutes(1));
        sender.runOnce();
        assertThat(view(id).status()).isEqualTo(OutboxStatus.SENDING);
        // after the lease: UNCONFIRMED, not resent
        advance(Duration.ofMinutes(5));
        assertThat(sender.runOnce().unconfirmed()).isEqualTo(1);
        assertThat(received("crash")).hasSize(1);
        MessageView v = view(id);
        assertThat(v.status()).isEqualTo(OutboxStatus.UNCONFIRMED);
        assertThat(v.lastError()).contains("may have been delivered");
        advance(Duration.ofHours(2));
        sender.runOnce();
        assertThat(received("crash")).hasSize(1);
        call(get("/api/outbox").param("status", "PROBLEMS").param("customer", code), "oxmanager", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(id)).andExpect(jsonPath("$.items[0].status").value("UNCONFIRMED"));

        // only a manager decides, with a reason
        call(post("/api/outbox/" + id + "/retry").param("reason", "客户说没收到"), "oxcol", null).andExpect(status().isForbidden());
        call(post("/api/outbox/" + id + "/retry"), "oxmanager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/outbox/" + id + "/retry").param("reason", "客户说没收到"), "oxmanager", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.requeues[0].previousStatus").value("UNCONFIRMED"))
                .andExpect(jsonPath("$.requeues[0].requeuedBy").value("oxmanager"))
                .andExpect(jsonPath("$.requeues[0].reason").value("客户说没收到"));
        assertThat(sender.runOnce().sent()).isEqualTo(1);
        assertThat(received("crash")).hasSize(2);
        assertThat(view(id).status()).isEqualTo(OutboxStatus.SENT);
        // a SENT message cannot be requeued
        call(post("/api/outbox/" + id + "/retry").param("reason", "again"), "oxmanager", null).andExpect(status().isConflict());
    }

    @Test
    void collectorsSeeOnlyTheirOwnCustomersMessages() throws Exception {
        long id = enqueue(email("perm", "perm@hengda.example.com", List.of()));
        call(get("/api/customers/" + code + "/messages"), "oxother", null).andExpect(status().isNotFound());
        call(get("/api/outbox/" + id), "oxother", null).andExpect(status().isNotFound());
        call(get("/api/outbox/" + id), "oxcol", null).andExpect(status().isOk()).andExpect(jsonPath("$.recipient").value("perm@hengda.example.com"));
        call(get("/api/outbox").param("customer", code), "oxother", null).andExpect(status().isNotFound());
        call(get("/api/outbox").param("size", "1000"), "oxother", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isEmpty());
        call(get("/api/outbox").param("size", "1000"), "oxcol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].status").value("QUEUED"));
        call(post("/api/outbox/" + id + "/retry").param("reason", "x"), "oxother", null).andExpect(status().isForbidden());
        call(get("/api/outbox").param("status", "LOST"), "oxmanager", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(get("/api/outbox/999999999"), "oxmanager", null).andExpect(status().isNotFound());
        mvc.perform(get("/api/outbox")).andExpect(status().isUnauthorized());
    }

    @Test
    void twoSendersAtOnceNeverTakeTheSameMessage() throws Exception {
        for (int i = 0; i < 40; i++) {
            enqueue(email("race-" + i, "race" + i + "@hengda.example.com", List.of()));
        }
        // two passes at the same time (as two nodes would): each message is claimed by exactly one of them
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<OutboxSender.Pass>> passes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            passes.add(pool.submit(() -> {
                go.await();
                return sender.runOnce();
            }));
        }
        go.countDown();
        int sent = 0;
        for (var f : passes) {
            sent += f.get().sent();
        }
        pool.shutdown();
        assertThat(sent).isEqualTo(40);
        for (int i = 0; i < 40; i++) {
            assertThat(received("race-" + i)).as("copies of e-mail %d", i).hasSize(1);
        }
    }

    @Test
    void aHeldMessageWaitsUntilItsTime() throws Exception {
        long id = enqueue(email("held", "held@hengda.example.com", List.of()));
        Instant later = clock.instant().plus(Duration.ofHours(3));
        Boolean held = new TransactionTemplate(transactions).execute(s -> outbox.holdUntil(id, later));
        assertThat(held).isTrue();
        // never brought forward
        outbox.holdUntil(id, clock.instant());
        assertThat(view(id).nextAttemptAt()).isEqualTo(later);
        sender.runOnce();
        assertThat(received("held")).isEmpty();
        advance(Duration.ofHours(3));
        sender.runOnce();
        assertThat(received("held")).hasSize(1);
        assertThat(outbox.holdUntil(id, later.plus(Duration.ofHours(1)))).isFalse();
        assertThatThrownBy(() -> outbox.holdUntil(999_999_999L, later)).isInstanceOf(io.huikuan.common.NotFoundException.class);
    }

    /** The sender "dies" between the server's acceptance and the record. */
    static final class SimulatedCrash extends Error {
    }
}

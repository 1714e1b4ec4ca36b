package io.huikuan.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import io.huikuan.correspondence.Outbox.MessageView;
import io.huikuan.correspondence.outbox.OutboxSender;
import io.huikuan.correspondence.outbox.WebhookChannel;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserDirectory;
import io.huikuan.support.Api;
import io.huikuan.support.MovableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS and chat through the signed HTTP webhook, received by a JDK HTTP server: the receiver recomputes the
 * HMAC-SHA256 with the shared secret and finds the timestamp, the idempotency key and the body; a receiver with
 * the wrong secret sees the mismatch; 500 is retried after the back-off, 400 fails for good.
 */
@SpringBootTest(properties = {"huikuan.outbox.enabled=false", "huikuan.outbox.backoff-base=PT1M"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class WebhookIntegrationTests {

    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst()
                    .orElse(null);
        }
    }

    static final String SMS_SECRET = "sms-shared-secret-42";
    static final String CHAT_SECRET = "chat-robot-secret-7";
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger ANSWER = new AtomicInteger(200);
    static final HttpServer SERVER;

    static {
        try {
            SERVER = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SERVER.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            int answer = ANSWER.get();
            byte[] out = (answer == 200 ? "{\"ok\":true}" : "{\"error\":\"status " + answer + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Message-Id", "gw-" + RECEIVED.size());
            exchange.sendResponseHeaders(answer, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        SERVER.start();
    }

    @DynamicPropertySource
    static void hooks(DynamicPropertyRegistry r) {
        String base = "http://127.0.0.1:" + SERVER.getAddress().getPort();
        r.add("huikuan.channels.sms.url", () -> base + "/sms");
        r.add("huikuan.channels.sms.secret", () -> SMS_SECRET);
        r.add("huikuan.channels.chat.url", () -> base + "/robot/send");
        r.add("huikuan.channels.chat.secret", () -> CHAT_SECRET);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    MovableClock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    String code;
    long customerId;

    @BeforeEach
    void customer() throws Exception {
        RECEIVED.clear();
        ANSWER.set(200);
        // this context's database: messages earlier tests left waiting must not count in this test's passes
        jdbc.sql("UPDATE outbox_message SET status = 'FAILED', last_error = 'parked by the test' WHERE status IN ('QUEUED', 'SENDING')").update();
        Api.user(users, "whadmin", Role.ADMIN);
        Api.user(users, "whcol", Role.COLLECTOR);
        code = "WH" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.call(mvc, post("/api/customers"), "whadmin", """
                {"code":"%s","name":"常州天宁纺织有限公司","owner":"whcol"}""".formatted(code)).andExpect(status().isCreated());
        customerId = customers.ref(code).id();
    }

    long enqueue(OutboxChannel channel, String key, String to, String text) {
        return new TransactionTemplate(transactions).execute(s -> outbox.enqueue(new OutgoingMessage(code + "-" + key, channel, customerId, to,
                channel == OutboxChannel.CHAT ? "逾期提醒" : null, text, null, List.of(), null, "whcol")));
    }

    void advance(Duration d) {
        ZonedDateTime z = clock.instant().plus(d).atZone(clock.getZone());
        clock.set(z.toLocalDate(), z.toLocalTime());
    }

    @Test
    void smsAndChatArriveSignedWithTheSharedSecret() throws Exception {
        long sms = enqueue(OutboxChannel.SMS, "sms", "138 0013-8000", "【回款】您有一笔货款 2,500.50 元已逾期，请尽快安排付款。");
        long chat = enqueue(OutboxChannel.CHAT, "chat", "ar-team", "客户 " + code + " 逾期 45 天，请跟进。");
        assertThat(outbox.get(sms).recipient()).isEqualTo("13800138000");
        OutboxSender.Pass pass = sender.runOnce();
        assertThat(pass.sent()).isEqualTo(2);
        assertThat(RECEIVED).hasSize(2);

        Received s = RECEIVED.stream().filter(r -> r.path().equals("/sms")).findFirst().orElseThrow();
        Received c = RECEIVED.stream().filter(r -> r.path().equals("/robot/send")).findFirst().orElseThrow();
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        for (Received r : List.of(s, c)) {
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.header("X-Huikuan-Timestamp")).isEqualTo(timestamp);
        }
        // the receiver recomputes the signature over timestamp + "." + body with its secret
        assertThat(s.header("X-Huikuan-Signature")).isEqualTo(hmac(SMS_SECRET, timestamp, s.body()));
        assertThat(c.header("X-Huikuan-Signature")).isEqualTo(hmac(CHAT_SECRET, timestamp, c.body()));
        // a receiver holding the wrong secret (or a tampered body) sees the mismatch
        assertThat(s.header("X-Huikuan-Signature")).isNotEqualTo(hmac("wrong-secret", timestamp, s.body()));
        assertThat(s.header("X-Huikuan-Signature")).isNotEqualTo(hmac(SMS_SECRET, timestamp, s.body().replace("2,500.50", "25.00")));
        assertThat(s.header("X-Huikuan-Signature")).isNotEqualTo(hmac(SMS_SECRET, String.valueOf(Long.parseLong(timestamp) + 1), s.body()));
        // the signature helper agrees with an independent computation
        assertThat(WebhookChannel.signature(SMS_SECRET, timestamp, s.body())).isEqualTo(hmac(SMS_SECRET, timestamp, s.body()));

        assertThat(s.header("Idempotency-Key")).isEqualTo(code + "-sms");
        JsonNode body = JSON.readTree(s.body());
        assertThat(body.get("id").asLong()).isEqualTo(sms);
        assertThat(body.get("idempotencyKey").asString()).isEqualTo(code + "-sms");
        assertThat(body.get("channel").asString()).isEqualTo("SMS");
        assertThat(body.get("to").asString()).isEqualTo("13800138000");
        assertThat(body.get("text").asString()).isEqualTo("【回款】您有一笔货款 2,500.50 元已逾期，请尽快安排付款。");
        assertThat(body.get("customerCode").asString()).isEqualTo(code);
        assertThat(body.get("createdAt").asString()).isEqualTo(clock.instant().toString());
        JsonNode chatBody = JSON.readTree(c.body());
        assertThat(chatBody.get("channel").asString()).isEqualTo("CHAT");
        assertThat(chatBody.get("subject").asString()).isEqualTo("逾期提醒");

        MessageView v = outbox.get(sms);
        assertThat(v.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(v.providerId()).startsWith("gw-");
        sender.runOnce();
        assertThat(RECEIVED).hasSize(2);
        Api.call(mvc, get("/api/customers/" + code + "/messages"), "whcol", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].status").value("SENT"));
    }

    @Test
    void aServerErrorIsRetriedAndARefusalFailsForGood() throws Exception {
        ANSWER.set(500);
        long id = enqueue(OutboxChannel.SMS, "busy", "+8613900139000", "提醒");
        assertThat(sender.runOnce().retrying()).isEqualTo(1);
        MessageView v = outbox.get(id);
        assertThat(v.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(v.attempts()).isEqualTo(1);
        assertThat(v.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(v.lastError()).contains("HTTP 500");
        ANSWER.set(200);
        sender.runOnce();
        assertThat(RECEIVED).hasSize(1); // not due yet
        advance(Duration.ofMinutes(1));
        assertThat(sender.runOnce().sent()).isEqualTo(1);
        assertThat(RECEIVED).hasSize(2);
        assertThat(RECEIVED.get(0).header("Idempotency-Key")).isEqualTo(RECEIVED.get(1).header("Idempotency-Key"));
        assertThat(outbox.get(id).status()).isEqualTo(OutboxStatus.SENT);

        ANSWER.set(429);
        long limited = enqueue(OutboxChannel.CHAT, "limited", "ar-team", "提醒");
        sender.runOnce();
        assertThat(outbox.get(limited).status()).isEqualTo(OutboxStatus.QUEUED);

        ANSWER.set(400);
        long refused = enqueue(OutboxChannel.SMS, "refused", "13700137000", "提醒");
        assertThat(sender.runOnce().failed()).isEqualTo(1);
        v = outbox.get(refused);
        assertThat(v.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(v.permanent()).isTrue();
        assertThat(v.lastError()).contains("HTTP 400", "refused");
        Api.call(mvc, get("/api/outbox").param("status", "FAILED").param("customer", code), "whadmin", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(refused)).andExpect(jsonPath("$.items[0].permanent").value(true));
    }

    static String hmac(String secret, String timestamp, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] d = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : d) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}

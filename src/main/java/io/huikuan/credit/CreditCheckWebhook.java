package io.huikuan.credit;

import io.huikuan.correspondence.SignedWebhooks;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@code credit.check.decided} to the ERP when a reviewed check is approved or rejected, signed like
 * {@code supply.hold.changed}: JSON {@code {"event","id","checkId","customerCode","reference","amount","decision"
 * ("APPROVE"|"BLOCK"),"note","by","occurredAt"}}, {@code id} = {@code <checkId>-DECIDED} (also the Idempotency-Key).
 * A failed delivery throws, so the event stays incomplete in the event publication registry and is sent again later.
 */
@Component
class CreditCheckWebhook {

    static final String EVENT = "credit.check.decided";
    private static final Logger log = LoggerFactory.getLogger(CreditCheckWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CreditProperties settings;
    private final SignedWebhooks webhooks;
    private final Clock clock;

    CreditCheckWebhook(CreditProperties settings, SignedWebhooks webhooks, Clock clock) {
        this.settings = settings;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void decided(CreditCheckDecided d) {
        CreditProperties.Webhook hook = settings.checkWebhook();
        if (!hook.configured()) {
            log.debug("{} for check {} not sent: huikuan.credit.check-webhook.url is not set", EVENT, d.checkId());
            return;
        }
        String id = d.checkId() + "-DECIDED";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", EVENT);
        m.put("id", id);
        m.put("checkId", d.checkId());
        m.put("customerCode", d.customerCode());
        m.put("reference", d.reference());
        m.put("amount", d.amount().toPlainString());
        m.put("decision", d.approved() ? "APPROVE" : "BLOCK");
        m.put("note", d.note());
        m.put("by", d.by());
        m.put("occurredAt", clock.instant().toString());
        webhooks.post(hook.url(), hook.secret(), EVENT, id, JSON.writeValueAsString(m));
    }
}

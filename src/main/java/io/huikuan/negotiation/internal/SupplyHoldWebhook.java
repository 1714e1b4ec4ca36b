package io.huikuan.negotiation.internal;

import io.huikuan.correspondence.SignedWebhooks;
import io.huikuan.negotiation.NegotiationProperties;
import io.huikuan.negotiation.SupplyHoldChanged;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@code supply.hold.changed} to the ERP on every hold and release, signed like the message webhooks: JSON
 * {@code {"event":"supply.hold.changed","id","customerCode","hold","reason","holdReason","source","since","until","by",
 * "holdId","occurredAt"}}, {@code id} = {@code <holdId>-HOLD} or {@code <holdId>-RELEASE} (also the Idempotency-Key).
 * A failed delivery throws, so the event stays incomplete in the event publication registry and is sent again when
 * incomplete publications are resubmitted (on restart when {@code spring.modulith.events.republish-outstanding-events-on-restart}
 * is set).
 */
@Component
class SupplyHoldWebhook {

    static final String EVENT = "supply.hold.changed";
    private static final Logger log = LoggerFactory.getLogger(SupplyHoldWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NegotiationProperties settings;
    private final SignedWebhooks webhooks;
    private final Clock clock;

    SupplyHoldWebhook(NegotiationProperties settings, SignedWebhooks webhooks, Clock clock) {
        this.settings = settings;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void changed(SupplyHoldChanged c) {
        NegotiationProperties.Webhook hook = settings.supplyWebhook();
        if (!hook.configured()) {
            log.debug("{} for {} not sent: huikuan.negotiation.supply-webhook.url is not set", EVENT, c.customerCode());
            return;
        }
        String id = c.holdId() + (c.hold() ? "-HOLD" : "-RELEASE");
        webhooks.post(hook.url(), hook.secret(), EVENT, id, body(c, id));
    }

    String body(SupplyHoldChanged c, String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", EVENT);
        m.put("id", id);
        m.put("customerCode", c.customerCode());
        m.put("hold", c.hold());
        m.put("reason", c.reason());
        m.put("holdReason", c.holdReason());
        m.put("source", c.source().name());
        m.put("since", c.since() == null ? null : c.since().toString());
        m.put("until", c.until() == null ? null : c.until().toString());
        m.put("by", c.by());
        m.put("holdId", c.holdId());
        m.put("occurredAt", clock.instant().toString());
        return JSON.writeValueAsString(m);
    }
}

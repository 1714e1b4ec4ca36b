package io.huikuan.correspondence.outbox;

import io.huikuan.correspondence.OutboxChannel;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The channel for each outbox channel: e-mail over SMTP, SMS and chat over their webhooks. */
@Component
public class ChannelRegistry {

    private final Map<OutboxChannel, MessageChannel> channels = new EnumMap<>(OutboxChannel.class);

    @Autowired
    ChannelRegistry(ObjectProvider<JavaMailSender> mailSenders, MailProperties mail, ChannelProperties webhooks, Clock clock) {
        this(mailSenders::getIfAvailable, mail, webhooks, clock);
    }

    /** With a given mail sender (the benchmark points it at its own SMTP server). */
    ChannelRegistry(Supplier<JavaMailSender> mailSenders, MailProperties mail, ChannelProperties webhooks, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(webhooks.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        channels.put(OutboxChannel.EMAIL, new EmailChannel(mailSenders, mail, clock));
        channels.put(OutboxChannel.SMS, new WebhookChannel(OutboxChannel.SMS, webhooks.sms(), http, webhooks.requestTimeout(), clock));
        channels.put(OutboxChannel.CHAT, new WebhookChannel(OutboxChannel.CHAT, webhooks.chat(), http, webhooks.requestTimeout(), clock));
    }

    public MessageChannel get(OutboxChannel channel) {
        return channels.get(channel);
    }

    /** The channels that can send now. */
    public Set<OutboxChannel> ready() {
        Set<OutboxChannel> ready = EnumSet.noneOf(OutboxChannel.class);
        channels.forEach((k, c) -> {
            if (c.configured()) {
                ready.add(k);
            }
        });
        return ready;
    }

    /** Why each unconfigured channel cannot send (English). */
    public Map<OutboxChannel, String> notConfigured() {
        Map<OutboxChannel, String> problems = new EnumMap<>(OutboxChannel.class);
        channels.forEach((k, c) -> {
            if (!c.configured()) {
                problems.put(k, c.notConfiguredReason());
            }
        });
        return problems;
    }
}

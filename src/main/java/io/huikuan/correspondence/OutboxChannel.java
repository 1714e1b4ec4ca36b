package io.huikuan.correspondence;

import io.huikuan.worklist.Channel;

/** How an outbox message travels: e-mail over SMTP, SMS or a chat robot (企业微信/钉钉 style) over a signed HTTP webhook. */
public enum OutboxChannel {
    EMAIL(Channel.EMAIL), SMS(Channel.SMS), CHAT(Channel.MESSAGE);

    private final Channel channel;

    OutboxChannel(Channel channel) {
        this.channel = channel;
    }

    /** The collection channel a message on it is recorded under (a chat message is a MESSAGE). */
    public Channel channel() {
        return channel;
    }

    /** The templates its messages are written from: e-mail templates for e-mail, the text (SMS) templates otherwise. */
    public TemplateChannel templateChannel() {
        return this == EMAIL ? TemplateChannel.EMAIL : TemplateChannel.SMS;
    }

    /** The outbox channel of a strategy step's channel, or null when the step does not send a message. */
    public static OutboxChannel of(Channel channel) {
        for (OutboxChannel c : values()) {
            if (c.channel == channel) {
                return c;
            }
        }
        return null;
    }
}

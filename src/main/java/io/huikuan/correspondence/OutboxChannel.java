package io.huikuan.correspondence;

/** How an outbox message travels: e-mail over SMTP, SMS or a chat robot (企业微信/钉钉 style) over a signed HTTP webhook. */
public enum OutboxChannel {
    EMAIL, SMS, CHAT
}

package io.huikuan.correspondence.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code huikuan.mail.from}: the sender address of outgoing e-mails (the SMTP server itself is {@code spring.mail.*}). */
@ConfigurationProperties("huikuan.mail")
public record MailProperties(@DefaultValue("huikuan@localhost") String from) {
}

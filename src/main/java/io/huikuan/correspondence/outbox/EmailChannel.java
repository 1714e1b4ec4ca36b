package io.huikuan.correspondence.outbox;

import io.huikuan.correspondence.OutboxChannel;
import jakarta.activation.FileTypeMap;
import jakarta.activation.MimetypesFileTypeMap;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.function.Supplier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP with the {@code spring.mail.*} server: multipart with text and HTML alternatives and the
 * documents as {@code <doc_no>.pdf}, From = {@code huikuan.mail.from}, {@code Message-ID: <idempotency-key@huikuan>}
 * so a receiving system can drop a duplicate. One SMTP connection serves a whole run of messages. SMTP 5xx and
 * an invalid address are permanent failures; 4xx, refused connections and timeouts are transient.
 */
class EmailChannel implements MessageChannel {

    static {
        // Jakarta Mail looks its StreamProvider up with a class-path ServiceLoader scan for every body part it writes
        // (most of the CPU of an e-mail in a Spring Boot jar); naming the implementation skips the scan
        String provider = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null && EmailChannel.class.getClassLoader().getResource(
                provider.replace('.', '/') + ".class") != null) {
            System.setProperty("jakarta.mail.util.StreamProvider", provider);
        }
    }

    private final Supplier<JavaMailSender> senders;
    private final MailProperties mail;
    private final Clock clock;

    EmailChannel(Supplier<JavaMailSender> senders, MailProperties mail, Clock clock) {
        this.senders = senders;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public OutboxChannel kind() {
        return OutboxChannel.EMAIL;
    }

    private JavaMailSenderImpl sender() {
        return senders.get() instanceof JavaMailSenderImpl impl && impl.getHost() != null && !impl.getHost().isBlank() ? impl : null;
    }

    @Override
    public boolean configured() {
        return sender() != null;
    }

    @Override
    public String notConfiguredReason() {
        return configured() ? null : "e-mail is not configured (spring.mail.host is not set): e-mails wait in the queue";
    }

    @Override
    public Connection open() {
        JavaMailSenderImpl impl = sender();
        if (impl == null) {
            throw new IllegalStateException(notConfiguredReason());
        }
        return new Smtp(impl);
    }

    /** The id of the e-mail for its receivers: {@code <key@huikuan>}. */
    static String messageId(String idempotencyKey) {
        return "<" + idempotencyKey + "@huikuan>";
    }

    private final class Smtp implements Connection {

        private final JavaMailSenderImpl impl;
        private final Session session;
        private Transport transport;

        Smtp(JavaMailSenderImpl impl) {
            this.impl = impl;
            Properties props = new Properties();
            props.putAll(impl.getJavaMailProperties());
            // without TCP_NODELAY the end of each message's DATA (a small write after a large one) waits for the
            // server's delayed ACK, about 40 ms per e-mail on Linux
            props.putIfAbsent("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
            this.session = Session.getInstance(props);
        }

        @Override
        public String send(Envelope e) throws DeliveryException {
            MimeMessage m = build(e);
            String where = impl.getHost() + ":" + (impl.getPort() > 0 ? impl.getPort() : 25);
            try {
                // (Transport.isConnected would cost a NOOP round trip per e-mail: after any failure the connection is closed instead)
                if (transport == null) {
                    transport = session.getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
                    transport.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
                }
            } catch (MessagingException ex) {
                close();
                throw new DeliveryException(false, "cannot reach the mail server " + where + ": " + text(ex), ex);
            }
            try {
                transport.sendMessage(m, m.getAllRecipients());
                return messageId(e.idempotencyKey());
            } catch (MessagingException ex) {
                // a fresh connection for the next message: the session state after a refusal is not worth trusting
                close();
                throw classify(e.recipient(), where, ex);
            }
        }

        private MimeMessage build(Envelope e) throws DeliveryException {
            InternetAddress to;
            try {
                to = new InternetAddress(e.recipient(), true);
            } catch (AddressException ex) {
                throw new DeliveryException(true, "the address " + e.recipient() + " is not a valid e-mail address (" + ex.getMessage() + ")", ex);
            }
            try {
                MimeMessage m = new KeyedMessage(session, messageId(e.idempotencyKey()));
                boolean html = e.html() != null && !e.html().isBlank();
                boolean multipart = html || !e.attachments().isEmpty();
                MimeMessageHelper h = new Helper(m, multipart);
                h.setFrom(mail.from());
                h.setTo(to);
                h.setSubject(e.subject() == null ? "" : e.subject());
                h.setSentDate(Date.from(clock.instant()));
                String text = e.text() == null ? "" : e.text();
                if (html) {
                    h.setText(text, e.html());
                } else {
                    h.setText(text);
                }
                for (Envelope.Attachment a : e.attachments()) {
                    h.addAttachment(a.docNo() + ".pdf", new ByteArrayResource(a.content()), "application/pdf");
                }
                m.saveChanges();
                return m;
            } catch (MessagingException ex) {
                throw new DeliveryException(true, "the e-mail cannot be built: " + text(ex), ex);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is gone anyway
                }
                transport = null;
            }
        }
    }

    /** SMTP 5xx or an invalid address: permanent; 4xx and everything else (I/O, timeouts): transient. */
    static DeliveryException classify(String recipient, String where, MessagingException ex) {
        for (Throwable t = ex; t != null; t = next(t)) {
            int code = returnCode(t);
            if (code >= 500) {
                return new DeliveryException(true, "the mail server " + where + " refused " + recipient + ": " + text(t), ex);
            }
            if (code >= 400) {
                return new DeliveryException(false, "the mail server " + where + " deferred the e-mail to " + recipient + ": " + text(t), ex);
            }
        }
        if (ex instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null && sfe.getInvalidAddresses().length > 0) {
            StringBuilder bad = new StringBuilder();
            for (Address a : sfe.getInvalidAddresses()) {
                bad.append(bad.isEmpty() ? "" : ", ").append(a);
            }
            return new DeliveryException(true, "the mail server " + where + " refused the address " + bad + ": " + text(ex), ex);
        }
        return new DeliveryException(false, "sending to the mail server " + where + " failed: " + text(ex), ex);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t) {
            return me.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /** The SMTP reply code Angus Mail's SMTP exceptions carry (getReturnCode), or -1. */
    private static int returnCode(Throwable t) {
        try {
            Method m = t.getClass().getMethod("getReturnCode");
            return ((Number) m.invoke(t)).intValue();
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }

    private static String text(Throwable t) {
        String s = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    /** Plain sockets with TCP_NODELAY (STARTTLS still works: it wraps the connected socket). */
    static final class NoDelaySockets extends SocketFactory {

        static final NoDelaySockets INSTANCE = new NoDelaySockets();

        private static Socket noDelay(Socket s) throws java.net.SocketException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }
    }

    /** A MIME helper that shares one file type map (Spring's default parses the mime.types file for every message). */
    private static final class Helper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = new MimetypesFileTypeMap();

        Helper(MimeMessage m, boolean multipart) throws MessagingException {
            super(m, multipart, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }
    }

    /** A MIME message whose Message-ID is the outbox's (JavaMail would otherwise make up a new one). */
    private static final class KeyedMessage extends MimeMessage {

        private final String id;

        KeyedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}

package io.huikuan.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real SMTP server for mail tests: GreenMail on a free loopback port, and the properties pointing the application at it. */
public final class TestSmtp {

    private TestSmtp() {
    }

    /** A started GreenMail SMTP server on a free port of 127.0.0.1. */
    public static GreenMail start() {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** Points {@code spring.mail.host/port} at the server. */
    public static void register(DynamicPropertyRegistry r, GreenMail smtp) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

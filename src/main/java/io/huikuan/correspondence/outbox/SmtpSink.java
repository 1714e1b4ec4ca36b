package io.huikuan.correspondence.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A minimal SMTP server that accepts and counts messages (and drops them): a real SMTP conversation over a
 * socket (EHLO/HELO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT). The outbox benchmark delivers to it
 * when no other server is given; tests use it to refuse chosen recipients with {@code 550}.
 */
public final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final Predicate<String> refuse;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean open = true;

    private SmtpSink(ServerSocket server, Predicate<String> refuse) {
        this.server = server;
        this.refuse = refuse;
        Thread.ofPlatform().daemon(true).name("smtp-sink-" + server.getLocalPort()).start(this::acceptLoop);
    }

    /** Starts on 127.0.0.1 on a free port; recipients (the address inside {@code <>}) matching {@code refuse} get {@code 550}. */
    public static SmtpSink start(Predicate<String> refuse) throws IOException {
        return new SmtpSink(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), refuse == null ? r -> false : refuse);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages accepted (DATA answered 250). */
    public long accepted() {
        return accepted.get();
    }

    /** Recipients refused with 550. */
    public long refused() {
        return refused.get();
    }

    /** Bytes of message data accepted. */
    public long bytes() {
        return bytes.get();
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> session(s));
            } catch (IOException e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    private void session(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            return;
        }
        try (socket; InputStream raw = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            Input in = new Input(raw);
            reply(out, "220 huikuan-sink ESMTP ready");
            int recipients = 0;
            boolean mail = false;
            String line;
            while ((line = readLine(in)) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-huikuan-sink\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 52428800");
                    case "HELO" -> reply(out, "250 huikuan-sink");
                    case "MAIL" -> {
                        mail = true;
                        recipients = 0;
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String address = address(line);
                        if (!mail) {
                            reply(out, "503 5.5.1 MAIL first");
                        } else if (refuse.test(address)) {
                            refused.incrementAndGet();
                            reply(out, "550 5.1.1 <" + address + ">: recipient address rejected: user unknown");
                        } else {
                            recipients++;
                            reply(out, "250 2.1.5 OK");
                        }
                    }
                    case "DATA" -> {
                        if (recipients == 0) {
                            reply(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 end data with <CR><LF>.<CR><LF>");
                        long size = 0;
                        String data;
                        while ((data = readLine(in)) != null && !data.equals(".")) {
                            size += data.length() + 2;
                        }
                        if (data == null) {
                            return;
                        }
                        bytes.addAndGet(size);
                        accepted.incrementAndGet();
                        mail = false;
                        recipients = 0;
                        reply(out, "250 2.0.0 OK queued as " + accepted.get());
                    }
                    case "RSET" -> {
                        mail = false;
                        recipients = 0;
                        reply(out, "250 2.0.0 OK");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 command not recognised");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String address(String line) {
        int lt = line.indexOf('<');
        int gt = line.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(Math.min(line.length(), 8)).trim();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A line without its CRLF, or null at the end of the stream (reads from its own buffer: no per-byte calls). */
    private static String readLine(Input in) throws IOException {
        StringBuilder line = null;
        while (true) {
            if (in.pos >= in.len) {
                in.len = in.stream.read(in.buf);
                in.pos = 0;
                if (in.len <= 0) {
                    in.len = 0;
                    return line == null || line.isEmpty() ? null : line.toString();
                }
            }
            int start = in.pos;
            while (in.pos < in.len && in.buf[in.pos] != '\n') {
                in.pos++;
            }
            boolean end = in.pos < in.len;
            int stop = in.pos;
            if (end) {
                in.pos++;
            }
            String part = new String(in.buf, start, stop - start, StandardCharsets.ISO_8859_1);
            if (line == null && end) {
                return part.endsWith("\r") ? part.substring(0, part.length() - 1) : part;
            }
            line = line == null ? new StringBuilder(part) : line.append(part);
            if (end) {
                int l = line.length();
                return l > 0 && line.charAt(l - 1) == '\r' ? line.substring(0, l - 1) : line.toString();
            }
        }
    }

    /** A socket's input with a plain buffer. */
    private static final class Input {

        final InputStream stream;
        final byte[] buf = new byte[65536];
        int pos;
        int len;

        Input(InputStream stream) {
            this.stream = stream;
        }
    }
}

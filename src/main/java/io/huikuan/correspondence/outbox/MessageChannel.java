package io.huikuan.correspondence.outbox;

import io.huikuan.correspondence.OutboxChannel;

/**
 * A way to deliver outbox messages. The sender opens a {@link Connection} per worker and batch (so an SMTP
 * connection is reused for many e-mails) and closes it afterwards.
 */
public interface MessageChannel {

    /** The outbox channel this delivers. */
    OutboxChannel kind();

    /** False when the configuration is missing: the messages stay queued, nothing is lost. */
    boolean configured();

    /** Why the channel is not configured (English, for logs and the API), or null when it is. */
    String notConfiguredReason();

    /** Opens a connection for a run of messages. */
    Connection open();

    /** A connection to the server; {@link #send} may be called many times. */
    interface Connection extends AutoCloseable {

        /**
         * Hands the message over; returns the server's message id when it gives one (else null). Throws when the
         * server did not take it, saying whether that is permanent.
         */
        String send(Envelope message) throws DeliveryException;

        @Override
        void close();
    }
}

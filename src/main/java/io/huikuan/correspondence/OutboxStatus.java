package io.huikuan.correspondence;

/**
 * Delivery state of an outbox message. QUEUED waits for the sender (again after a transient failure);
 * SENDING is claimed by a sender; SENT was accepted by the server; FAILED gave up (permanent: the address or
 * the message was refused); UNCONFIRMED: a sender stopped after handing it over and before recording it, so it
 * may or may not have arrived: it is never resent by itself, a manager decides.
 */
public enum OutboxStatus {
    QUEUED, SENDING, SENT, FAILED, UNCONFIRMED
}

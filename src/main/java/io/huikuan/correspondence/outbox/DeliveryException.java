package io.huikuan.correspondence.outbox;

/**
 * A channel could not deliver. {@code permanent}: trying again cannot help (the address is invalid or was
 * refused, the receiver rejected the request); otherwise the sender retries with back-off. The message says
 * the reason in words, as shown in the failures list.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(boolean permanent, String reason, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}

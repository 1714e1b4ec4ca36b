package io.huikuan.worklist;

/**
 * Who made the contact: OUTBOUND, we contacted the customer (the conduct rules' hours, caps and gap apply);
 * INBOUND, the customer called, wrote or came to us (always recorded, never counted against the caps).
 */
public enum Direction {
    OUTBOUND, INBOUND
}

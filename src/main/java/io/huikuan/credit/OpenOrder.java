package io.huikuan.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An order the ERP reported, not yet invoiced: while OPEN its amount is part of the customer's exposure, from the day it
 * was first reported open ({@code openedOn}) until the day it was reported INVOICED or CANCELLED ({@code closedOn}).
 */
public record OpenOrder(String reference, String customerCode, BigDecimal amount, String status, LocalDate openedOn, LocalDate closedOn,
        String reportedBy, Instant reportedAt) {

    /** What the ERP sends: {@code {"customerCode":"C","amount":"1200.00","status":"OPEN"|"INVOICED"|"CANCELLED"}}. */
    public record Request(String customerCode, String amount, String status) {
    }
}

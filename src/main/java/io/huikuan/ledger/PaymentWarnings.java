package io.huikuan.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * What is unusual about a payment but not wrong, so it is accepted and the user is told: a payment dated after
 * today (a typo such as 2030 for 2026, or a payment recorded before it arrives). The form shows it in a warning
 * flash, the API in {@code warnings}, the import as a row warning.
 */
public final class PaymentWarnings {

    /** One warning: the field, the bundle code ({@code warning.<code>}), its arguments and an English text. */
    public record Warning(String field, String code, String message, List<Object> args) {
    }

    private PaymentWarnings() {
    }

    /** The warnings about a payment dated {@code paymentDate} when today is {@code today}. */
    public static List<Warning> of(LocalDate paymentDate, LocalDate today) {
        if (paymentDate != null && paymentDate.isAfter(today)) {
            return List.of(new Warning("paymentDate", "payment.futureDate",
                    "the payment date " + paymentDate + " is in the future (today is " + today + "): check the date",
                    List.of(paymentDate.toString(), today.toString())));
        }
        return List.of();
    }
}

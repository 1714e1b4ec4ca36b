package io.huikuan.exchange.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A 64-bit fingerprint of an invoice's importable fields, so an unchanged row of a re-imported
 * file is recognised in memory without touching the database. Only the columns present in the
 * file take part (an absent column keeps the stored value, so it cannot differ).
 */
final class Fingerprint {

    private long h = 0xCBF29CE484222325L;

    Fingerprint add(long v) {
        h = (h ^ v) * 0x100000001B3L;
        h ^= h >>> 29;
        return this;
    }

    Fingerprint add(String s) {
        if (s == null) {
            return add(0x5BD1E995L);
        }
        long x = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            x = (x ^ s.charAt(i)) * 0x100000001B3L;
        }
        return add(x).add(s.length());
    }

    Fingerprint add(Long v) {
        return v == null ? add(0x27D4EB2FL) : add(v.longValue());
    }

    Fingerprint add(LocalDate d) {
        return add(d.toEpochDay());
    }

    Fingerprint add(BigDecimal amount) {
        BigDecimal a = amount.setScale(2, java.math.RoundingMode.HALF_UP);
        return add(a.unscaledValue().longValue());
    }

    long value() {
        long z = h;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** Which optional columns the file has. */
    record Present(boolean currency, boolean contract, boolean tax, boolean businessUnit) {
    }

    static long of(Present p, long customerId, Long contractId, LocalDate issue, LocalDate due, BigDecimal amount, String currency,
            String tax, String businessUnit) {
        Fingerprint f = new Fingerprint().add(customerId).add(issue).add(due).add(amount);
        if (p.currency()) {
            f.add(currency == null ? "CNY" : currency.trim());
        }
        if (p.contract()) {
            f.add(contractId);
        }
        if (p.tax()) {
            f.add(tax);
        }
        if (p.businessUnit()) {
            f.add(businessUnit);
        }
        return f.value();
    }
}

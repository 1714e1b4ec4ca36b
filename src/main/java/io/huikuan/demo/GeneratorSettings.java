package io.huikuan.demo;

import java.time.LocalDate;

/**
 * What to generate: {@code customers} customers with {@code invoices} invoices in all (two years up to
 * {@code asOf}), from {@code seed}. The same settings always give the same data. Customer codes are
 * {@code prefix} + a six-digit number; {@code owners} chooses each customer's owner (may answer null).
 */
public record GeneratorSettings(long seed, int customers, long invoices, LocalDate asOf, String prefix, Owners owners) {

    /** Who owns a customer, by its region and number. */
    @FunctionalInterface
    public interface Owners {
        String ownerOf(String region, int index);

        Owners NONE = (region, index) -> null;
    }

    public GeneratorSettings {
        if (customers < 0) {
            throw new IllegalArgumentException("customers must not be negative");
        }
        if (invoices < 0) {
            throw new IllegalArgumentException("invoices must not be negative");
        }
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required");
        }
        if (prefix == null || !prefix.matches("[A-Za-z0-9]{1,20}")) {
            throw new IllegalArgumentException("prefix must be 1-20 letters or digits");
        }
        if (owners == null) {
            owners = Owners.NONE;
        }
    }
}

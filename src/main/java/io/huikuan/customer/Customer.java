package io.huikuan.customer;

import java.math.BigDecimal;
import java.util.List;

/** A customer (debtor) and its key contacts. {@code owner} is the username whose portfolio it is in. */
public record Customer(
        String code,
        String name,
        String creditCode,
        String region,
        String businessUnit,
        String industry,
        String owner,
        BigDecimal creditLimit,
        Integer creditDays,
        String grade,
        List<Contact> contacts) {

    public Customer withContacts(List<Contact> list) {
        return new Customer(code, name, creditCode, region, businessUnit, industry, owner, creditLimit, creditDays, grade, list);
    }

    public Customer withoutContacts() {
        return withContacts(List.of());
    }
}

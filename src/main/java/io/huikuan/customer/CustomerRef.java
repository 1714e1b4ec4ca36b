package io.huikuan.customer;

/** The few facts about a customer other modules need (id for joins, owner for portfolios). */
public record CustomerRef(long id, String code, String name, String owner) {
}

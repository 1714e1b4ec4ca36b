package io.huikuan.customer;

/** A person at the customer. {@code role}: FINANCE, PURCHASING, DECISION_MAKER, OTHER. */
public record Contact(Long id, String name, ContactRole role, String title, String phone, String email, String wechat,
        Channel preferredChannel) {

    public enum ContactRole { FINANCE, PURCHASING, DECISION_MAKER, OTHER }

    public enum Channel { PHONE, EMAIL, WECHAT, SMS, VISIT, LETTER }
}

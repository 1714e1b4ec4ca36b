package io.huikuan.customer;

/**
 * A person at the customer. {@code role}: FINANCE, PURCHASING, DECISION_MAKER, OTHER. {@code personalityType}
 * is set by collectors ({@link CustomerService#setPersonality}); a contact update leaves it as it is.
 */
public record Contact(Long id, String name, ContactRole role, String title, String phone, String email, String wechat,
        Channel preferredChannel, PersonalityType personalityType) {

    /** A contact without a personality type. */
    public Contact(Long id, String name, ContactRole role, String title, String phone, String email, String wechat, Channel preferredChannel) {
        this(id, name, role, title, phone, email, wechat, preferredChannel, null);
    }

    public enum ContactRole { FINANCE, PURCHASING, DECISION_MAKER, OTHER }

    public enum Channel { PHONE, EMAIL, WECHAT, SMS, VISIT, LETTER }
}

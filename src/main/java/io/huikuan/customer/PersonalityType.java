package io.huikuan.customer;

/**
 * The personality type (性格类型) a collector assigns to a contact, a small four-way taxonomy after
 * the source texts' advice to adapt to the person: DECISIVE (果断型: wants facts and a decision,
 * brief), SOCIABLE (外向型: values the relationship and recognition), STEADY (稳健型: wants
 * security and process, dislikes pressure), ANALYTICAL (严谨型: wants documents and exact numbers).
 * Labels and descriptions in the message bundles ({@code personality.NAME}, {@code personality.NAME.help}).
 */
public enum PersonalityType {
    DECISIVE, SOCIABLE, STEADY, ANALYTICAL
}

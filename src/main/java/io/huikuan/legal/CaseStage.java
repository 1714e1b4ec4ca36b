package io.huikuan.legal;

/**
 * The stages of a legal case, each with a date: filed (立案申请), accepted (受理), served (送达: of the payment order, the
 * complaint or the lawyer letter), hearing (开庭, several, with time and place), judgment (判决) or mediation (调解, with
 * the service date and the last day of performance), effective (生效), enforcement applied (申请执行), closed (结案).
 */
public enum CaseStage {
    FILED, ACCEPTED, SERVED, HEARING, JUDGMENT, MEDIATION, EFFECTIVE, ENFORCEMENT_APPLIED, CLOSED
}

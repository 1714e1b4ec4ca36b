/**
 * Negotiation (谈判): what is agreed with a debtor to settle. So far the supply hold (投桃报李): a hold on deliveries to a
 * customer, placed by hand or proposed by a rule (overdue beyond N days, a promise or payment plan broken), released by
 * hand or by the payment that clears its cause, exposed to the ERP ({@code GET /api/customers/{code}/supply-status} and
 * the signed {@code supply.hold.changed} webhook); payment plans (分期还款, {@link io.huikuan.negotiation.PaymentPlans}) under
 * the proposal policy and the authority matrix, followed by the daily run. Concessions and the offers log come here too. It may depend on strategy, worklist, ledger and correspondence; nothing below depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Negotiation")
package io.huikuan.negotiation;

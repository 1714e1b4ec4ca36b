package io.huikuan.ledger;

/** Disputes with amounts, categories, owners and outcomes on the embedded H2 database. */
class DisputeIntegrationTests extends DisputeBehaviour {
}

package io.huikuan.ledger;

/** The ledger API behaviours on the embedded H2 database. */
class LedgerApiIntegrationTests extends LedgerApiBehaviour {
}

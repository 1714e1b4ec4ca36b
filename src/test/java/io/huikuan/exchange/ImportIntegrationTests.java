package io.huikuan.exchange;

/** The import behaviours on the embedded H2 database. */
class ImportIntegrationTests extends ImportBehaviour {
}

package io.huikuan.aging;

/** Bucket sets and the aging drill-down on the embedded H2 database. */
class AgingDrillIntegrationTests extends AgingDrillBehaviour {
}

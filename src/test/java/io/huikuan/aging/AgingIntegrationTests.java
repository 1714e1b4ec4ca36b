package io.huikuan.aging;

/** As-of aging on the embedded H2 database. */
class AgingIntegrationTests extends AgingBehaviour {
}

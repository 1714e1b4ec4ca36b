package io.huikuan.common;

/** Literal search on the embedded H2 database. */
class LiteralSearchIntegrationTests extends LiteralSearchBehaviour {
}

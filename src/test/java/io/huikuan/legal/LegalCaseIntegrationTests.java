package io.huikuan.legal;

/** The legal-case behaviours on the embedded H2 database. */
class LegalCaseIntegrationTests extends LegalCaseBehaviour {
}

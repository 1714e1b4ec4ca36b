package io.huikuan.correspondence;

/** Statements of account on H2. */
class DocumentIntegrationTests extends DocumentBehaviour {
}

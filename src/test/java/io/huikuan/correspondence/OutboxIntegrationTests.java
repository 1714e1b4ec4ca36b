package io.huikuan.correspondence;

/** The e-mail outbox on H2. */
class OutboxIntegrationTests extends OutboxBehaviour {
}

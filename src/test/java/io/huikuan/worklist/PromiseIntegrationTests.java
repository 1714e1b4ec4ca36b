package io.huikuan.worklist;

/** Promises to pay on H2. */
class PromiseIntegrationTests extends PromiseBehaviour {
}

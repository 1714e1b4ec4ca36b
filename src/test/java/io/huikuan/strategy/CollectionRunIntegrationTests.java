package io.huikuan.strategy;

/** The daily collection run on H2. */
class CollectionRunIntegrationTests extends CollectionRunBehaviour {
}

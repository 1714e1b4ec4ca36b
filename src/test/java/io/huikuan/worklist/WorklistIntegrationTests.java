package io.huikuan.worklist;

/** The worklist API on H2. */
class WorklistIntegrationTests extends WorklistBehaviour {
}

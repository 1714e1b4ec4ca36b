package io.huikuan.worklist;

/** Collection targets and plans on H2. */
class TargetIntegrationTests extends TargetBehaviour {
}

package io.huikuan.worklist;

/** Activities, conduct rules and personality types on H2. */
class ActivityIntegrationTests extends ActivityBehaviour {
}

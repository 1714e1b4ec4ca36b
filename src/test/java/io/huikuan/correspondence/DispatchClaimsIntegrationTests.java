package io.huikuan.correspondence;

/** Dispatch claims on H2. */
class DispatchClaimsIntegrationTests extends DispatchClaimsBehaviour {
}

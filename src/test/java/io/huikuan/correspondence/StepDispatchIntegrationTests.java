package io.huikuan.correspondence;

/** Step messages and letters on H2. */
class StepDispatchIntegrationTests extends StepDispatchBehaviour {
}

package io.huikuan.insight;

/** What works, on H2. */
class EffectivenessIntegrationTests extends EffectivenessBehaviour {
}

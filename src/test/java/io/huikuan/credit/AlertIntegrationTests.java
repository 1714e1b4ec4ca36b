package io.huikuan.credit;

/** Early-warning rules and alerts on H2. */
class AlertIntegrationTests extends AlertBehaviour {
}

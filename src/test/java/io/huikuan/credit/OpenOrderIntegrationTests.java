package io.huikuan.credit;

/** Orders reported by the ERP on H2. */
class OpenOrderIntegrationTests extends OpenOrderBehaviour {
}

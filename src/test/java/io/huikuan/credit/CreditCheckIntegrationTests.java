package io.huikuan.credit;

/** The credit check on H2. */
class CreditCheckIntegrationTests extends CreditCheckBehaviour {
}

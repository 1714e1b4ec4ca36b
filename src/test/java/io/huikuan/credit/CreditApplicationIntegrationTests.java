package io.huikuan.credit;

/** Credit applications and reviews on H2. */
class CreditApplicationIntegrationTests extends CreditApplicationBehaviour {
}

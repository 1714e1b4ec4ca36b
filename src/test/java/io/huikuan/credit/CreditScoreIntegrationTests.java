package io.huikuan.credit;

/** The credit score on H2. */
class CreditScoreIntegrationTests extends CreditScoreBehaviour {
}

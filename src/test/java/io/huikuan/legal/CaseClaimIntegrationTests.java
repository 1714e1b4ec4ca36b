package io.huikuan.legal;

/** The case claim and the case's evidence pack on H2. */
class CaseClaimIntegrationTests extends CaseClaimBehaviour {
}

package io.huikuan.legal;

/** The evidence pack on H2. */
class EvidencePackIntegrationTests extends EvidencePackBehaviour {
}

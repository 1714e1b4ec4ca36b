package io.huikuan.legal;

/** The document store on H2. */
class AttachmentIntegrationTests extends AttachmentBehaviour {
}

package io.huikuan.correspondence;

/** Letters on H2. */
class LetterIntegrationTests extends LetterBehaviour {
}

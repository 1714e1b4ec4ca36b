package io.huikuan.legal;

/** The lawyer letter's figures on H2. */
class LawyerLetterFiguresIntegrationTests extends LawyerLetterFiguresBehaviour {
}

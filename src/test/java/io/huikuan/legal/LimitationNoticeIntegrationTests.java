package io.huikuan.legal;

/** The daily limitation notices on H2. */
class LimitationNoticeIntegrationTests extends LimitationNoticeBehaviour {
}

package io.huikuan.legal;

/** The limitation column, filters and KPI on H2. */
class LimitationListsIntegrationTests extends LimitationListsBehaviour {
}

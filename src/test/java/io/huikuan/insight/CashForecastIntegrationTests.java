package io.huikuan.insight;

/** The cash forecast, on H2. */
class CashForecastIntegrationTests extends CashForecastBehaviour {
}

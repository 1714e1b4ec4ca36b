package io.huikuan.aging;

/** The measures API behaviours on the embedded H2 database. */
class MeasureIntegrationTests extends MeasureBehaviour {
}

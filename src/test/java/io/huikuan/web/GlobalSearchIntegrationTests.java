package io.huikuan.web;

/** The global search on the embedded H2 database. */
class GlobalSearchIntegrationTests extends GlobalSearchBehaviour {
}

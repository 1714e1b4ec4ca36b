package io.huikuan;

/** Bad input on the embedded H2 database. */
class BadInputIntegrationTests extends BadInputBehaviour {
}

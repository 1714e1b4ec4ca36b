package io.huikuan.worklist;

/** The script library on H2. */
class ScriptLibraryIntegrationTests extends ScriptLibraryBehaviour {
}

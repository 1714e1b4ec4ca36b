/** Users, roles, API tokens, login and the first administrator. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.huikuan.identity;

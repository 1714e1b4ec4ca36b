package io.huikuan.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings. {@code huikuan.admin.username/password} create the first administrator of a
 * database that has no users (production); there is no default password.
 */
@ConfigurationProperties("huikuan.admin")
public record IdentityProperties(String username, String password) {
}

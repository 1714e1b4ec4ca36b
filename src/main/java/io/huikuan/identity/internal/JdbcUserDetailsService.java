package io.huikuan.identity.internal;

import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class JdbcUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    JdbcUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                        SELECT username, password_hash, roles, enabled, security_version, password_change_required
                        FROM app_user WHERE username = ?""")
                .param(username)
                .query((rs, n) -> new AccountDetails(rs.getString("username"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        Arrays.stream(rs.getString("roles").split(",")).map(r -> new SimpleGrantedAuthority("ROLE_" + r.trim())).toList(),
                        rs.getLong("security_version"), rs.getBoolean("password_change_required")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}

package io.huikuan.identity.internal;

import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
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
        return jdbc.sql("SELECT username, password_hash, roles, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .disabled(!rs.getBoolean("enabled"))
                        .authorities(Arrays.stream(rs.getString("roles").split(","))
                                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.trim())).toList())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}

package io.huikuan.identity.internal;

import io.huikuan.identity.LoginFailures.Kind;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Where a login attempt came from (the client address) and how (form or Basic), for the failure log. */
final class LoginDetails extends WebAuthenticationDetails {

    private final Kind kind;

    LoginDetails(HttpServletRequest request, Kind kind) {
        super(request);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    static AuthenticationDetailsSource<HttpServletRequest, LoginDetails> source(Kind kind) {
        return request -> new LoginDetails(request, kind);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof LoginDetails d && d.kind == kind;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + kind.hashCode();
    }
}

package io.huikuan.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the current web session after the user changed their own password: the change ends every
 * session of the account (its security version moves on), so the session that made it logs in again
 * at once with the new state, under a new session id. Other sessions of the user end.
 */
@Component
public class LoginSessions {

    private final UserDetailsService users;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    LoginSessions(UserDetailsService users) {
        this.users = users;
    }

    /** Reloads the logged-in user into this request's session, if it has one. */
    public void renew(HttpServletRequest request, HttpServletResponse response) {
        Authentication old = SecurityContextHolder.getContext().getAuthentication();
        if (old == null || request.getSession(false) == null) {
            return;
        }
        UserDetails details = users.loadUserByUsername(old.getName());
        UsernamePasswordAuthenticationToken renewed = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
        renewed.setDetails(old.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        repository.saveContext(context, request, response);
    }
}

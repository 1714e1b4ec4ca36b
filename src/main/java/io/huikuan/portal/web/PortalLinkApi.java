package io.huikuan.portal.web;

import io.huikuan.portal.NewPortalLink;
import io.huikuan.portal.PortalAccess;
import io.huikuan.portal.PortalLink;
import io.huikuan.portal.PortalLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The debtor portal's links for API clients: make, list, revoke, and the access log. */
@RestController
@Tag(name = "Debtor portal")
class PortalLinkApi {

    record LinkRequest(Long contactId, Integer expiresInDays, Boolean verifyEmail) {
    }

    private final PortalLinks links;

    PortalLinkApi(PortalLinks links) {
        this.links = links;
    }

    @PostMapping("/api/customers/{code}/portal-links")
    @Operation(summary = "Make a portal link {contactId (optional, one of the customer's contacts), expiresInDays (1..365, default 14), "
            + "verifyEmail (default false: true asks each browser session for a code e-mailed to the contact)} "
            + "(the customer's collector, MANAGER, FINANCE, ADMIN): 201 {id, url: /portal/<token>, expiresAt}; the token is shown only here")
    ResponseEntity<NewPortalLink> create(@PathVariable String code, @RequestBody(required = false) LinkRequest body) {
        LinkRequest b = body == null ? new LinkRequest(null, null, null) : body;
        return ResponseEntity.status(HttpStatus.CREATED).body(links.create(code, b.contactId(), b.expiresInDays(), Boolean.TRUE.equals(b.verifyEmail())));
    }

    @GetMapping("/api/customers/{code}/portal-links")
    @Operation(summary = "The customer's portal links, newest first: status ACTIVE|EXPIRED|REVOKED, accessCount, lastAccessAt (never the token)")
    List<PortalLink> list(@PathVariable String code) {
        return links.list(code);
    }

    @DeleteMapping("/api/portal-links/{id}")
    @Operation(summary = "Revoke a portal link (204); it answers 404 from now on")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        links.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/customers/{code}/portal-access")
    @Operation(summary = "The customer's portal access log, newest first (at, ip, userAgent, path, outcome OK|EXPIRED|REVOKED|RATE_LIMITED); limit 1..500, default 100")
    List<PortalAccess> accesses(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
        return links.accesses(code, limit);
    }
}

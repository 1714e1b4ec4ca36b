package io.huikuan.portal.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** Gives the debtor's start page the token its sections' links need ({@code portalToken}). */
@ControllerAdvice(assignableTypes = PortalPages.class)
class PortalStartModel {

    @ModelAttribute("portalToken")
    String portalToken(@PathVariable(required = false) String token) {
        return token;
    }
}

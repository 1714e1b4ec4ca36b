package io.huikuan.portal.web;

import io.huikuan.common.NotFoundException;
import io.huikuan.portal.PortalVisitor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives portal controllers their {@link PortalVisitor} as a method argument: the one the portal's filter resolved for
 * this request; 404 when there is none (a controller reached some other way never sees a customer).
 */
@Configuration(proxyBeanMethods = false)
class PortalVisitorArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PortalVisitor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request, WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        return PortalVisitor.of(http).orElseThrow(() -> new NotFoundException("portal link", "-"));
    }
}

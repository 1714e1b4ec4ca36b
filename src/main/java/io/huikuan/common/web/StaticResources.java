package io.huikuan.common.web;

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The static resources, mapped by explicit prefixes instead of Spring Boot's default {@code /**}
 * ({@code spring.web.resources.add-mappings=false}). With {@code /**}, every link a page builds
 * ({@code @{/invoices?...}}) went through the resource URL encoding and was looked up on the class
 * path, nested jars included, on every request: most of the CPU time of a page with many links.
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // one explicit cache for the resolved resources and link paths: without it every script and
        // style link a page builds was looked up in the jar again on every request
        Cache cache = new ConcurrentMapCache("static-resources");
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true, cache);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true, cache);
        // versionless webjar paths (/webjars/chart.js/dist/chart.umd.min.js) resolve to the jar's version
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true, cache).addResolver(new LiteWebJarsResourceResolver());
    }
}

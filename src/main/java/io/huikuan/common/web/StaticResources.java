package io.huikuan.common.web;

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
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        // versionless webjar paths (/webjars/chart.js/dist/chart.umd.min.js) resolve to the jar's version
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}

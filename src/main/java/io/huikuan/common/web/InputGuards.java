package io.huikuan.common.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link InputRules} where the framework binds input, so no controller parses by hand:
 * every request parameter (query string and form fields, of pages and API alike) and every JSON
 * string is free of control characters and at most {@link InputRules#MAX_TEXT} long, and every
 * {@code LocalDate} bound from a parameter or a JSON body lies in {@link InputRules#DATE_RANGE}.
 * A broken rule answers 400 naming the parameter or field (API: {@link ApiErrors}; pages: the 400 page).
 */
@Configuration(proxyBeanMethods = false)
class InputGuards implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterCheck());
    }

    /** Replaces the default String → LocalDate conversion (also for {@code @DateTimeFormat(iso = DATE)}). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, raw -> InputRules.date("date", raw));
    }

    /**
     * The rules apply to JSON request bodies only (the converter's own mapper), not to JSON the application reads
     * back itself (stored events, history), which was checked when it came in. Only the plain JSON converter is
     * replaced: a library's own subclass (SpringDoc writes the OpenAPI document through one) keeps its behaviour,
     * else {@code /v3/api-docs} came out as one quoted string.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(c -> c.getClass() == JacksonJsonHttpMessageConverter.class
                ? new JacksonJsonHttpMessageConverter(((JacksonJsonHttpMessageConverter) c).getMapper().rebuild().addModule(inputRules()).build())
                : c);
    }

    static JacksonModule inputRules() {
        SimpleModule module = new SimpleModule("huikuan-input-rules");
        module.addDeserializer(String.class, new CheckedString());
        @SuppressWarnings("unchecked")
        ValueDeserializer<LocalDate> dates = (ValueDeserializer<LocalDate>) (ValueDeserializer<?>) new CheckedDate(LocalDateDeserializer.INSTANCE);
        module.addDeserializer(LocalDate.class, dates);
        return module;
    }

    /** Checks every parameter name and value before the handler runs. */
    static final class ParameterCheck implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            List<FieldError> errors = new ArrayList<>();
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                String name = p.getKey();
                int at = InputRules.controlCharacter(name);
                if (at >= 0) {
                    name = name.substring(0, at) + "?";
                    errors.add(FieldError.coded(name, name, "text.control", "control characters are not allowed in a parameter name", at + 1));
                    continue;
                }
                for (String value : p.getValue()) {
                    Optional<FieldError> broken = InputRules.textRule(name, value,
                            InputRules.LONG_PARAMETERS.contains(name) ? InputRules.MAX_LONG_TEXT : InputRules.MAX_TEXT);
                    if (broken.isPresent()) {
                        errors.add(broken.get());
                        break;
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return true;
        }
    }

    /** A JSON string that breaks a rule: a 400 naming the field, with the rule as the message. */
    static final class BrokenRule extends InvalidFormatException {

        final String rule;

        BrokenRule(JsonParser p, String rule, Object value, Class<?> type) {
            super(p, rule, value, type);
            this.rule = rule;
        }
    }

    /** Strings as Jackson reads them, then checked. */
    static final class CheckedString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            Optional<FieldError> broken = InputRules.textRule("", value);
            if (broken.isPresent()) {
                throw new BrokenRule(p, broken.get().message(), broken.get().value(), String.class);
            }
            return value;
        }
    }

    /** Dates as Jackson reads them (yyyy-MM-dd), then checked against the range. */
    static final class CheckedDate extends DelegatingDeserializer {

        CheckedDate(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new CheckedDate(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof LocalDate date && InputRules.dateRule("", date).isPresent()) {
                throw new BrokenRule(p, "date out of range " + InputRules.DATE_RANGE, date, LocalDate.class);
            }
            return value;
        }
    }
}

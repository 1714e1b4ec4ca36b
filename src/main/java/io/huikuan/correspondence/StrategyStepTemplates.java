package io.huikuan.correspondence;

import io.huikuan.strategy.StepTemplates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The existing templates as the strategy step editor offers them: an e-mail step takes an e-mail template,
 * an SMS step an SMS template, a letter step (letter, demand letter, lawyer's letter) a letter template.
 */
@Component
class StrategyStepTemplates implements StepTemplates {

    private static final Map<TemplateChannel, List<String>> STEP_CHANNELS = Map.of(
            TemplateChannel.EMAIL, List.of("EMAIL"),
            TemplateChannel.SMS, List.of("SMS", "MESSAGE"),
            TemplateChannel.LETTER, List.of("LETTER", "DEMAND_LETTER", "LAWYER_LETTER"));

    private final Templates templates;

    StrategyStepTemplates(Templates templates) {
        this.templates = templates;
    }

    @Override
    public List<Choice> choices() {
        Map<String, Set<String>> byCode = new LinkedHashMap<>();
        for (TemplateVersion v : templates.list(new Templates.Filter(null, null, null, null))) {
            byCode.computeIfAbsent(v.code(), c -> new java.util.LinkedHashSet<>()).addAll(STEP_CHANNELS.getOrDefault(v.channel(), List.of()));
        }
        List<Choice> out = new ArrayList<>();
        byCode.forEach((code, channels) -> out.add(new Choice(code, List.copyOf(channels))));
        return out;
    }
}

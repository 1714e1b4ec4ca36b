package io.huikuan.strategy;

import java.util.List;

/**
 * The templates a strategy step may name, for the step editor's choice of template. The correspondence
 * module, which owns the templates, provides it; without it the editor offers none.
 */
public interface StepTemplates {

    /** A template a step of some channels may use: its code and the step channels ({@code EMAIL}, {@code DEMAND_LETTER}...) it fits. */
    record Choice(String code, List<String> stepChannels) {
    }

    /** Every template code with the step channels it fits, by code. */
    List<Choice> choices();
}

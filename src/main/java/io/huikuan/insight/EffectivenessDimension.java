package io.huikuan.insight;

/**
 * What the actions are grouped by: the strategy version whose step made the task (MANUAL: an action not made from a
 * strategy step), the step (strategy version, day offset, channel), the channel, the template and tone of the step,
 * the script the collector said they used, the collector who recorded the action. Labels: {@code insight.dimension.NAME}.
 */
public enum EffectivenessDimension {
    STRATEGY, STEP, CHANNEL, TEMPLATE, SCRIPT, COLLECTOR
}

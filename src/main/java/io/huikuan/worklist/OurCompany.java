package io.huikuan.worklist;

/**
 * Our company's name as scripts say it ({@code {公司}}/{@code {company}}). The module that keeps the company profile
 * provides it; without one, scripts fall back to a neutral wording.
 */
public interface OurCompany {

    /** The name, or null when none is set. */
    String name();
}

package io.huikuan.aging;

import java.util.Arrays;
import java.util.Optional;

/** What the rows of an aging report are: one per customer, owner, region, business unit, grade, or one row in all. */
public enum AgingGrouping {
    CUSTOMER("customer", "c.code"),
    OWNER("owner", "c.owner"),
    REGION("region", "c.region"),
    BUSINESS_UNIT("businessUnit", "c.business_unit"),
    GRADE("grade", "c.grade"),
    NONE("none", null);

    /** The names the API accepts, for error messages. */
    public static final String NAMES = "one of customer, owner, region, businessUnit, grade, none";

    private final String apiName;
    private final String column;

    AgingGrouping(String apiName, String column) {
        this.apiName = apiName;
        this.column = column;
    }

    public String apiName() {
        return apiName;
    }

    /** The customer column rows are keyed by; null for {@link #NONE}. */
    String column() {
        return column;
    }

    public static Optional<AgingGrouping> parse(String name) {
        return Arrays.stream(values()).filter(g -> g.apiName.equals(name)).findFirst();
    }
}

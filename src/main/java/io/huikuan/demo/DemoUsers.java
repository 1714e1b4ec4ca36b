package io.huikuan.demo;

import io.huikuan.identity.Role;
import java.util.List;
import java.util.Map;

/** The users of the demo database; each password equals the username. */
final class DemoUsers {

    record DemoUser(String username, String displayName, Role role) {

        String password() {
            return username;
        }
    }

    static final List<DemoUser> ALL = List.of(
            new DemoUser("admin", "系统管理员", Role.ADMIN),
            new DemoUser("manager", "陈明(催收主管)", Role.MANAGER),
            new DemoUser("finance", "李娜(财务)", Role.FINANCE),
            new DemoUser("legal", "张伟(法务)", Role.LEGAL),
            new DemoUser("collector1", "刘洋(华东/华中)", Role.COLLECTOR),
            new DemoUser("collector2", "赵敏(华南/华北/西南/东北)", Role.COLLECTOR));

    /** Portfolios by region: the collectors share the country, the manager keeps the few customers of 西北. */
    static final Map<String, String> OWNER_BY_REGION = Map.of(
            "华东", "collector1", "华中", "collector1",
            "华南", "collector2", "华北", "collector2", "西南", "collector2", "东北", "collector2",
            "西北", "manager");

    static final GeneratorSettings.Owners OWNERS = (region, index) -> OWNER_BY_REGION.getOrDefault(region, "manager");

    private DemoUsers() {
    }
}

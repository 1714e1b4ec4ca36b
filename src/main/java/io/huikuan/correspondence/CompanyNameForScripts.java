package io.huikuan.correspondence;

import io.huikuan.worklist.OurCompany;
import org.springframework.stereotype.Component;

/** The company profile's name for the worklist's scripts ({@code {公司}}): the worklist asks, never reads the profile itself. */
@Component
class CompanyNameForScripts implements OurCompany {

    private final CompanyProfiles profiles;

    CompanyNameForScripts(CompanyProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return profiles.current().name();
    }
}

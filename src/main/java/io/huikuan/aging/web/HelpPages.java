package io.huikuan.aging.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** How each measure, the aging buckets and the provisions are defined, exactly as the aging module computes them. */
@Controller
class HelpPages {

    @GetMapping("/help/measures")
    String measures() {
        return "help/measures";
    }
}

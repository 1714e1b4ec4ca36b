package io.huikuan.search.web;

import io.huikuan.search.GlobalSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The results page of the header's search box; an exact number or code that is the only hit opens its page at once. */
@Controller
class SearchPages {

    private final GlobalSearch search;

    SearchPages(GlobalSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, Model model) {
        GlobalSearch.Result result = search.find(q);
        var exact = result.exactSingle();
        if (exact.isPresent()) {
            return "redirect:" + exact.get().url();
        }
        model.addAttribute("result", result);
        model.addAttribute("searchQuery", result.query());
        return "search/results";
    }
}

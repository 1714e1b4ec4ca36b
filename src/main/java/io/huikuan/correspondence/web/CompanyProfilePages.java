package io.huikuan.correspondence.web;

import io.huikuan.identity.Role;
import io.huikuan.identity.CurrentUser;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.CompanyProfiles;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The company profile page (/settings/company): letterhead fields, seal and logo uploads. */
@Controller
class CompanyProfilePages {

    private final CompanyProfiles profiles;
    private final MessageSource messages;

    CompanyProfilePages(CompanyProfiles profiles, MessageSource messages) {
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping("/settings/company")
    String page(Model model) {
        CurrentUser.require("edit the company profile", Role.MANAGER);
        if (!model.containsAttribute("form")) {
            CompanyProfiles.CompanyProfile p = profiles.current();
            model.addAttribute("form", new CompanyProfiles.Draft(p.name(), p.address(), p.phone(), p.email(), p.bankName(), p.bankAccount(),
                    p.taxId(), p.signatoryName(), p.signatoryTitle(), p.payByDays()));
        }
        CompanyProfiles.Draft f = (CompanyProfiles.Draft) model.getAttribute("form");
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("name", f.name());
        values.put("address", f.address());
        values.put("phone", f.phone());
        values.put("email", f.email());
        values.put("bankName", f.bankName());
        values.put("bankAccount", f.bankAccount());
        values.put("taxId", f.taxId());
        values.put("signatoryName", f.signatoryName());
        values.put("signatoryTitle", f.signatoryTitle());
        values.put("payByDays", f.payByDays());
        model.addAttribute("values", values);
        model.addAttribute("profile", profiles.current());
        return "correspondence/company";
    }

    @PostMapping("/settings/company")
    String save(@ModelAttribute CompanyProfiles.Draft form, Locale locale, RedirectAttributes redirect) {
        try {
            profiles.update(form);
            redirect.addFlashAttribute("flash", messages.getMessage("company.saved", null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", new FormErrors(messages, locale).addAll(e));
            redirect.addFlashAttribute("flashError", messages.getMessage("company.invalid", null, locale));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/settings/company";
    }

    @PostMapping("/settings/company/{image}")
    String upload(@PathVariable String image, @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "remove", required = false) String remove, Locale locale, RedirectAttributes redirect) throws IOException {
        try {
            byte[] bytes = remove != null ? null : file == null ? new byte[0] : file.getBytes();
            profiles.image(image, bytes, file == null ? null : file.getContentType());
            redirect.addFlashAttribute("flash", messages.getMessage("company.saved", null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", new FormErrors(messages, locale).addAll(e));
            redirect.addFlashAttribute("flashError", messages.getMessage("company.invalid", null, locale));
        }
        return "redirect:/settings/company";
    }

    @GetMapping("/settings/company/{image}")
    ResponseEntity<byte[]> image(@PathVariable String image) {
        CompanyProfiles.Image i = profiles.image(image);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(i.contentType())).body(i.bytes());
    }
}

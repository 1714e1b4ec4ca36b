package io.huikuan.correspondence.web;

import io.huikuan.correspondence.CompanyProfiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The company profile the letters print: letterhead, bank account, signatory, seal and logo. */
@RestController
@Tag(name = "Company profile")
class CompanyProfileApi {

    private final CompanyProfiles profiles;

    CompanyProfileApi(CompanyProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/company-profile")
    @Operation(summary = "The company profile printed on letters")
    CompanyProfiles.CompanyProfile get() {
        return profiles.current();
    }

    @PutMapping("/api/company-profile")
    @Operation(summary = "Replace the company profile (MANAGER or ADMIN); name required, payByDays 1..90")
    CompanyProfiles.CompanyProfile put(@RequestBody CompanyProfiles.Draft draft) {
        return profiles.update(draft);
    }

    @PutMapping(value = "/api/company-profile/{image}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the seal or logo image (image = seal | logo; PNG or JPEG, at most 1 MB; MANAGER or ADMIN)")
    ResponseEntity<Void> upload(@PathVariable String image, @RequestParam("file") MultipartFile file) throws IOException {
        profiles.image(image, file.getBytes(), file.getContentType());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/company-profile/{image}")
    @Operation(summary = "Remove the seal or logo image (MANAGER or ADMIN)")
    ResponseEntity<Void> remove(@PathVariable String image) {
        profiles.image(image, null, null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/company-profile/{image}")
    @Operation(summary = "The seal or logo image")
    ResponseEntity<byte[]> image(@PathVariable String image) {
        CompanyProfiles.Image i = profiles.image(image);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(i.contentType())).body(i.bytes());
    }
}

package io.huikuan.correspondence;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company as its letters show it: letterhead (name, address, phone, e-mail, logo), bank account for
 * payment, tax id, the signatory and the seal image printed beside the signature, and how many days a
 * letter gives to pay. One row; managers and administrators edit it.
 */
@Service
public class CompanyProfiles {

    /** The company profile (the images are fetched separately). */
    public record CompanyProfile(String name, String address, String phone, String email, String bankName, String bankAccount, String taxId,
            String signatoryName, String signatoryTitle, int payByDays, boolean hasSeal, boolean hasLogo) {
    }

    /** An image (seal or logo) with its media type. */
    public record Image(byte[] bytes, String contentType) {
    }

    /** What a manager submits; every field is text as typed (blank = not set). */
    public record Draft(String name, String address, String phone, String email, String bankName, String bankAccount, String taxId,
            String signatoryName, String signatoryTitle, Integer payByDays) {
    }

    /** The largest seal or logo image accepted. */
    static final int MAX_IMAGE_BYTES = 1024 * 1024;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final Clock clock;

    CompanyProfiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The profile as letters use it now. */
    @Transactional(readOnly = true)
    public CompanyProfile current() {
        return jdbc.sql("""
                SELECT name, address, phone, email, bank_name, bank_account, tax_id, signatory_name, signatory_title, pay_by_days,
                       seal_image IS NOT NULL, logo_image IS NOT NULL
                FROM company_profile WHERE id = 1""")
                .query((rs, n) -> new CompanyProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getBoolean(11), rs.getBoolean(12)))
                .single();
    }

    /** The company as a document shows it: the profile and its logo and seal as {@code data:} URIs (null when not stored). */
    record Letterhead(CompanyProfile profile, String logo, String seal) {
    }

    /** The last letterhead read, with the time the profile was last changed. */
    private volatile Object[] letterhead;

    /**
     * The letterhead for a document: the profile read in one query; the images (up to 1 MB each) read again only when
     * the profile has changed since (its {@code updated_at}), so issuing thousands of statements does not reread them.
     */
    @Transactional(readOnly = true)
    Letterhead letterhead() {
        Object[] row = jdbc.sql("""
                SELECT name, address, phone, email, bank_name, bank_account, tax_id, signatory_name, signatory_title, pay_by_days,
                       seal_image IS NOT NULL, logo_image IS NOT NULL, updated_at
                FROM company_profile WHERE id = 1""")
                .query((rs, n) -> new Object[] {new CompanyProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getBoolean(11),
                        rs.getBoolean(12)), rs.getTimestamp(13)})
                .single();
        CompanyProfile profile = (CompanyProfile) row[0];
        Object[] cached = letterhead;
        if (cached != null && java.util.Objects.equals(cached[0], row[1]) && ((Letterhead) cached[1]).profile().equals(profile)) {
            return (Letterhead) cached[1];
        }
        Letterhead l = new Letterhead(profile, profile.hasLogo() ? logo().map(CompanyProfiles::dataUri).orElse(null) : null,
                profile.hasSeal() ? seal().map(CompanyProfiles::dataUri).orElse(null) : null);
        letterhead = new Object[] {row[1], l};
        return l;
    }

    static String dataUri(Image i) {
        return "data:" + i.contentType() + ";base64," + java.util.Base64.getEncoder().encodeToString(i.bytes());
    }

    /** Replaces the profile's text fields (managers, administrators); every bad field is named and nothing is stored. */
    @Transactional
    public CompanyProfile update(Draft d) {
        CurrentUser user = CurrentUser.require("edit the company profile", Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        String name = text(d.name());
        if (name == null) {
            errors.add(FieldError.coded("name", null, "required", "is required"));
        }
        check(errors, "name", name, 200);
        check(errors, "address", d.address(), 300);
        check(errors, "phone", d.phone(), 50);
        check(errors, "email", d.email(), 200);
        check(errors, "bankName", d.bankName(), 200);
        check(errors, "bankAccount", d.bankAccount(), 60);
        check(errors, "taxId", d.taxId(), 30);
        check(errors, "signatoryName", d.signatoryName(), 100);
        check(errors, "signatoryTitle", d.signatoryTitle(), 100);
        String email = text(d.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(FieldError.coded("email", email, "email", "is not an e-mail address"));
        }
        int payBy = d.payByDays() == null ? 7 : d.payByDays();
        if (payBy < 1 || payBy > 90) {
            errors.add(FieldError.coded("payByDays", d.payByDays(), "company.payByDays", "must be 1 to 90 days"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("""
                UPDATE company_profile SET name = ?, address = ?, phone = ?, email = ?, bank_name = ?, bank_account = ?, tax_id = ?,
                       signatory_name = ?, signatory_title = ?, pay_by_days = ?, updated_by = ?, updated_at = ? WHERE id = 1""")
                .params(name, text(d.address()), text(d.phone()), email, text(d.bankName()), text(d.bankAccount()), text(d.taxId()),
                        text(d.signatoryName()), text(d.signatoryTitle()), payBy, user.username(), Timestamp.from(Instant.now(clock)))
                .update();
        return current();
    }

    /** Stores the seal image (PNG or JPEG, at most 1 MB, a readable image); {@code null} bytes remove it. */
    @Transactional
    public void seal(byte[] bytes, String contentType) {
        store("seal", bytes, contentType);
    }

    /** Stores the letterhead logo (PNG or JPEG, at most 1 MB); {@code null} bytes remove it. */
    @Transactional
    public void logo(byte[] bytes, String contentType) {
        store("logo", bytes, contentType);
    }

    /** The seal image, if one is stored. */
    @Transactional(readOnly = true)
    public Optional<Image> seal() {
        return read("seal");
    }

    /** The logo image, if one is stored. */
    @Transactional(readOnly = true)
    public Optional<Image> logo() {
        return read("logo");
    }

    /** The seal or logo by name ({@code seal} | {@code logo}); 404 for another name or when none is stored. */
    @Transactional(readOnly = true)
    public Image image(String which) {
        return ("seal".equals(which) || "logo".equals(which) ? read(which) : Optional.<Image>empty())
                .orElseThrow(() -> new io.huikuan.common.NotFoundException("image", which));
    }

    /** Stores ({@code bytes}) or removes ({@code null}) the seal or logo by name; 404 for another name. */
    @Transactional
    public void image(String which, byte[] bytes, String contentType) {
        if (!"seal".equals(which) && !"logo".equals(which)) {
            throw new io.huikuan.common.NotFoundException("image", which);
        }
        store(which, bytes, contentType);
    }

    private void store(String which, byte[] bytes, String contentType) {
        CurrentUser user = CurrentUser.require("edit the company profile", Role.MANAGER);
        String type = null;
        if (bytes != null) {
            type = imageType(which, bytes, contentType);
        }
        jdbc.sql("UPDATE company_profile SET " + which + "_image = ?, " + which + "_type = ?, updated_by = ?, updated_at = ? WHERE id = 1")
                .params(bytes, type, user.username(), Timestamp.from(Instant.now(clock))).update();
    }

    /** Checks the upload is a PNG or JPEG image that decodes; returns its media type. */
    private static String imageType(String field, byte[] bytes, String contentType) {
        if (bytes.length == 0) {
            throw ValidationException.coded(field, null, "required", "is required");
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw ValidationException.coded(field, bytes.length, "company.imageSize", "must be at most 1 MB", MAX_IMAGE_BYTES / 1024);
        }
        String type = bytes.length > 3 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G' ? "image/png"
                : bytes.length > 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 ? "image/jpeg" : null;
        BufferedImage image = null;
        if (type != null) {
            try {
                image = ImageIO.read(new ByteArrayInputStream(bytes));
            } catch (IOException | RuntimeException e) {
                image = null;
            }
        }
        if (image == null) {
            throw ValidationException.coded(field, contentType, "company.imageType", "must be a PNG or JPEG image");
        }
        return type;
    }

    private Optional<Image> read(String which) {
        return jdbc.sql("SELECT " + which + "_image, " + which + "_type FROM company_profile WHERE id = 1 AND " + which + "_image IS NOT NULL")
                .query((rs, n) -> new Image(rs.getBytes(1), rs.getString(2))).optional();
    }

    private static void check(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            errors.add(FieldError.coded(field, value.trim().length(), "text.tooLong", "at most " + max + " characters", max));
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

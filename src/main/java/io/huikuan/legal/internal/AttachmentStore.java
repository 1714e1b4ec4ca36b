package io.huikuan.legal.internal;

import io.huikuan.common.ConflictException;
import io.huikuan.legal.DocumentStoreProperties;
import io.huikuan.legal.DocumentStoreProperties.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps the bytes of uploaded documents: in the database row (the caller stores {@link Stored#content}) or as a file under
 * {@code huikuan.legal.documents.dir} ({@code yyyy/MM/<uuid>}, written to a temporary name and moved into place, so a
 * half-written file is never seen). Whatever is read back is checked against the SHA-256 recorded at upload: a file
 * changed or damaged on disk (or in the database) is refused with an error saying so, never served silently.
 */
@Component
@EnableConfigurationProperties(DocumentStoreProperties.class)
public class AttachmentStore {

    /** Where new bytes went: the store, the file's key (filesystem) or the content to put in the row (database). */
    public record Stored(Store storage, String key, byte[] content, String sha256) {
    }

    private final DocumentStoreProperties properties;

    AttachmentStore(DocumentStoreProperties properties) {
        this.properties = properties;
    }

    public DocumentStoreProperties properties() {
        return properties;
    }

    /** Stores the bytes in the configured store. */
    public Stored put(byte[] bytes, LocalDate today) {
        String sha = sha256(bytes);
        if (properties.storeKind() == Store.DATABASE) {
            return new Stored(Store.DATABASE, null, bytes, sha);
        }
        String key = "%04d/%02d/%s".formatted(today.getYear(), today.getMonthValue(), UUID.randomUUID());
        Path file = resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be written to " + file + " (huikuan.legal.documents.dir)", e);
        }
        return new Stored(Store.FILESYSTEM, key, null, sha);
    }

    /**
     * The bytes of a stored document, checked against its SHA-256.
     *
     * @throws ConflictException (409) when the file is missing or its content no longer matches what was uploaded
     */
    public byte[] get(long id, Store storage, String key, byte[] content, String sha256) {
        byte[] bytes;
        if (storage == Store.DATABASE) {
            bytes = content == null ? new byte[0] : content;
        } else {
            try {
                bytes = Files.readAllBytes(resolve(key));
            } catch (NoSuchFileException e) {
                throw new ConflictException("file", "the stored file of attachment " + id + " is missing from the document store ("
                        + resolve(key) + "): restore it from a backup");
            } catch (IOException e) {
                throw new UncheckedIOException("the stored file of attachment " + id + " could not be read", e);
            }
        }
        String actual = sha256(bytes);
        if (!actual.equals(sha256.strip())) {
            throw new ConflictException("file", "the stored file of attachment " + id + " has been changed since it was uploaded: its SHA-256 is "
                    + actual + ", not the recorded " + sha256.strip() + "; it is not served (restore it from a backup)");
        }
        return bytes;
    }

    /** Removes a file of the filesystem store (nothing to do for the database store); a file already gone is fine. */
    public void remove(Store storage, String key) {
        if (storage == Store.FILESYSTEM && key != null) {
            try {
                Files.deleteIfExists(resolve(key));
            } catch (IOException e) {
                throw new UncheckedIOException("the stored file " + key + " could not be removed", e);
            }
        }
    }

    /** The file of a key, which must stay inside the configured directory. */
    Path resolve(String key) {
        Path root = properties.dir().toAbsolutePath().normalize();
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("storage key outside the document directory: " + key);
        }
        return file;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

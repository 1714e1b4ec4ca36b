package io.huikuan.legal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where uploaded documents are kept ({@code huikuan.legal.documents.*}): {@code store} = {@code database} (default: in the
 * {@code attachment} table, backed up with the data) or {@code filesystem} (files under {@code dir}, default
 * {@code ./data/documents}; every node must see the same directory); {@code max-size} the largest file accepted (default
 * 20MB; the servlet's {@code spring.servlet.multipart.max-file-size}, 200MB, still refuses anything larger before it
 * reaches us). Stored rows remember their store, so switching the setting keeps older files readable.
 */
@ConfigurationProperties("huikuan.legal.documents")
public record DocumentStoreProperties(String store, Path dir, DataSize maxSize) {

    public enum Store { DATABASE, FILESYSTEM }

    public DocumentStoreProperties {
        store = store == null || store.isBlank() ? "database" : store.strip().toLowerCase(java.util.Locale.ROOT);
        if (!store.equals("database") && !store.equals("filesystem")) {
            throw new IllegalArgumentException("huikuan.legal.documents.store must be database or filesystem, not " + store);
        }
        dir = dir == null ? Path.of("data", "documents") : dir;
        maxSize = maxSize == null || maxSize.toBytes() <= 0 ? DataSize.ofMegabytes(20) : maxSize;
    }

    /** The store new uploads go to. */
    public Store storeKind() {
        return Store.valueOf(store.toUpperCase(java.util.Locale.ROOT));
    }
}

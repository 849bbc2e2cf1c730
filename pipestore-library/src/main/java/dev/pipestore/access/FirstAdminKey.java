package dev.pipestore.access;

import dev.pipestore.StoreException;
import dev.pipestore.catalog.ApiKeys;
import dev.pipestore.catalog.Role;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin key made on the very first start, so that a fresh embedded server can be administered at all: its secret
 * goes to {@code admin.key} in the data directory, readable by the owner only.
 */
final class FirstAdminKey {

    static final String FILE_NAME = "admin.key";
    static final String KEY_NAME = "first-start admin";

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminKey.class);

    private final ApiKeyService service;
    private final ApiKeys keys;

    FirstAdminKey(ApiKeyService service, ApiKeys keys) {
        this.service = service;
        this.keys = keys;
    }

    /**
     * Two processes starting together may both find no key and both create one; only the one that creates the file
     * (CREATE_NEW is atomic) keeps its key, the other revokes its own, whose secret nobody ever saw. The key goes in
     * before the file so that a file, once there, always names a stored key.
     */
    Optional<Path> ensure(Path dataDir) {
        if (!keys.list().isEmpty()) {
            return Optional.empty();
        }
        Path file = dataDir.resolve(FILE_NAME);
        CreatedApiKey created = service.create(Role.ADMIN, KEY_NAME);
        try {
            Files.createDirectories(dataDir);
            AdminKeyFile.createNew(file, created.secret());
        } catch (FileAlreadyExistsException e) {
            keys.revoke(created.key().id(), service.now());
            if (!holdsValidKey(file)) {
                LOG.warn("{} already exists and holds no valid key of this catalog; it was left alone. Create an admin key"
                        + " with: pipestore keys create --role admin --name NAME", file);
            }
            return Optional.empty();
        } catch (IOException e) {
            keys.revoke(created.key().id(), service.now());
            throw new StoreException("cannot write the first admin key to " + file + " (" + e + ")", e);
        }
        LOG.info("created the first admin API key {} ({}); its secret is in {}", created.key().id(), created.key().keyPrefix(),
                file);
        return Optional.of(file);
    }

    /**
     * Whether the existing file holds a valid key of this catalog. The process that created it may still be writing
     * it (CREATE_NEW makes the file visible before its content), so an empty read is retried briefly.
     */
    private boolean holdsValidKey(Path file) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<String> secret = AdminKeyFile.read(file);
            if (secret.isPresent()) {
                return service.valid(secret.get()).isPresent();
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}

package dev.pipestore.catalog.sql;

import dev.pipestore.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises SQLite migrations across processes (an OS file lock beside the database) and across catalogs in one
 * JVM (the OS lock is per process, and Java refuses to take it twice). A no-op for server databases.
 */
final class MigrationLock implements AutoCloseable {

    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private MigrationLock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
        this.local = local;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static MigrationLock acquire(Dialect dialect, String driverUrl) {
        Path database = dialect instanceof SqliteDialect ? SqliteDialect.databaseFile(driverUrl) : null;
        if (database == null) {
            return new MigrationLock(null, null, null);
        }
        Path lockFile = database.resolveSibling(database.getFileName() + ".migration-lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new MigrationLock(local, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw new StoreException("cannot lock " + lockFile + " to migrate the catalog: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (local == null) {
            return;
        }
        try {
            fileLock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock as well.
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}

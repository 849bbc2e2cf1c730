package dev.pipestore.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap that uploads in flight may hold in memory together, one budget per {@code PipeStore} (so per server
 * process): an upload keeps its bytes in memory only while it can reserve them here, and spools to a temporary file
 * when it cannot, so heap use stays bounded however many uploads run at once. Reservations never wait.
 */
public final class UploadMemory {

    /**
     * The largest upload kept in memory by default. Creating, writing, reading back and unlinking a temporary file
     * costs milliseconds per upload; past a few MiB that cost is small against the transfer itself.
     */
    public static final int DEFAULT_PER_UPLOAD_BYTES = 16 * 1024 * 1024;

    /** The largest per-upload limit: uploads are held in one array, and memory this size is better spent elsewhere. */
    static final int MAX_PER_UPLOAD_BYTES = 1 << 30;

    private final long budgetBytes;
    private final int perUploadBytes;
    private final AtomicLong available;

    /**
     * @param budgetBytes heap bytes all uploads may hold together; 0 spools every upload
     * @param perUploadBytes the largest upload kept in memory
     */
    public UploadMemory(long budgetBytes, int perUploadBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budgetBytes must not be negative, got " + budgetBytes);
        }
        if (perUploadBytes < 0 || perUploadBytes > MAX_PER_UPLOAD_BYTES) {
            throw new IllegalArgumentException("perUploadBytes must be 0 to " + MAX_PER_UPLOAD_BYTES + ", got " + perUploadBytes);
        }
        this.budgetBytes = budgetBytes;
        this.perUploadBytes = perUploadBytes;
        this.available = new AtomicLong(budgetBytes);
    }

    /**
     * A budget of {@code budgetBytes} with uploads of up to {@link #DEFAULT_PER_UPLOAD_BYTES}, and at most a quarter of
     * the budget, kept in memory. The quarter keeps a small heap small: an upload's array doubles as it grows, so while
     * it is copied the old and the new array are both live, and a large array goes straight to the old generation.
     */
    public static UploadMemory ofBudget(long budgetBytes) {
        return new UploadMemory(budgetBytes, (int) Math.min(DEFAULT_PER_UPLOAD_BYTES, budgetBytes / 4));
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    public int perUploadBytes() {
        return perUploadBytes;
    }

    /** Takes {@code bytes} from the budget if that many are free; never waits. */
    boolean tryReserve(long bytes) {
        for (long free = available.get(); free >= bytes; free = available.get()) {
            if (available.compareAndSet(free, free - bytes)) {
                return true;
            }
        }
        return false;
    }

    /** Gives back bytes taken by {@link #tryReserve(long)}. */
    void release(long bytes) {
        long after = available.addAndGet(bytes);
        if (after > budgetBytes) {
            throw new IllegalStateException("released more upload memory than was reserved: " + after + " of " + budgetBytes);
        }
    }

    /** Bytes not reserved by any upload now. */
    long available() {
        return available.get();
    }

    @Override
    public String toString() {
        return "UploadMemory[" + available() + " of " + budgetBytes + " bytes free, up to " + perUploadBytes + " per upload]";
    }
}

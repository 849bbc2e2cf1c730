package dev.pipestore.objectstore.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback that can flip one byte on its way to the server: a real corruption on the wire, to show that
 * the server's checksum check catches it and the adapter reports it. It also keeps the start of what clients send, so
 * a test can read the requests as they went out.
 */
final class CorruptingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final URI target;
    private static final int KEPT_BYTES = 4 * 1024 * 1024;

    /** Bytes still to pass before the one to flip; negative when disarmed. Shared by all connections. */
    private final AtomicLong countdown = new AtomicLong(-1);
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    CorruptingProxy(URI target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** What clients sent towards the server, all connections together, up to {@value #KEPT_BYTES} bytes, as ISO-8859-1. */
    String sentText() {
        synchronized (sent) {
            return sent.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Flips the byte that comes {@code offset} bytes after this call, client to server. */
    void corruptByteAfter(long offset) {
        countdown.set(offset);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getHost(), target.getPort());
                Thread.ofVirtual().start(() -> relay(client, server, true));
                Thread.ofVirtual().start(() -> relay(server, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean towardsServer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (towardsServer) {
                    corrupt(buffer, n);
                    keep(buffer, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed: close the other so the peer sees it too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void keep(byte[] buffer, int n) {
        synchronized (sent) {
            sent.write(buffer, 0, Math.min(n, KEPT_BYTES - sent.size()));
        }
    }

    private void corrupt(byte[] buffer, int n) {
        long before = countdown.get();
        if (before >= 0 && before < n && countdown.compareAndSet(before, -1)) {
            buffer[(int) before] ^= 0x01;
        } else if (before >= n) {
            countdown.addAndGet(-n);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed by the other relay thread.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

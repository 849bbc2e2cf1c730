package dev.pipestore.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback TCP forwarder in front of a real backend, so a test can cut the network (every connection dropped, new
 * ones refused) or stall it (connections stay open but nothing arrives) and restore it on the same port without
 * touching the shared server.
 */
public final class TcpProxy implements AutoCloseable {

    /** Ports the proxy picks from: below the ephemeral range, above the well-known services. */
    private static final int FIRST_CHOSEN_PORT = 20_000;
    private static final int CHOSEN_PORTS = 12_000;

    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean stalled;
    private int port;

    public TcpProxy(int targetPort) {
        this.targetPort = targetPort;
    }

    /**
     * Starts listening: on a free port the first time, on the same port after {@link #cut()}. The first port is taken
     * below Linux's ephemeral range (32768 and up), which the system hands to outgoing connections: while the proxy is
     * cut, a client socket could otherwise be given its port and keep it from listening again.
     */
    public TcpProxy start() throws IOException {
        ServerSocket listening = port == 0 ? bindBelowEphemeralPorts() : bind(port);
        port = listening.getLocalPort();
        server = listening;
        Thread.ofVirtual().start(() -> accept(listening));
        return this;
    }

    private static ServerSocket bindBelowEphemeralPorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return bind(FIRST_CHOSEN_PORT + ThreadLocalRandom.current().nextInt(CHOSEN_PORTS));
            } catch (BindException taken) {
                // Another test or service has it; try another.
            }
        }
        return bind(0);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket listening = new ServerSocket();
        try {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return listening;
        } catch (IOException e) {
            listening.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** Drops every open connection and refuses new ones, as a crashed server or a network partition would. */
    public void cut() {
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /**
     * Forwards nothing until {@link #resume()}, in either direction, while every connection stays open and new ones are
     * accepted: what a hung server or a network that drops packets looks like to a client.
     */
    public void stall() {
        stalled = true;
    }

    /** Forwards again, starting with what arrived during the stall. */
    public void resume() {
        stalled = false;
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                while (stalled && !to.isClosed()) {
                    Thread.sleep(10);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: both are closed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}

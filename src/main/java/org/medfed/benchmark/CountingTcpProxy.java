package org.medfed.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.medfed.concurrency.Workers;

/**
 * A TCP relay on the loopback that counts the bytes passing each way: what the sockets really carry, TLS records,
 * HTTP/2 frames, gRPC's length prefixes, pings and all. gRPC only reports message sizes and the netty pipeline of
 * the shaded transport is not ours to wrap, so the count is taken where the bytes leave one socket for another.
 *
 * <p>One blocking thread per direction and connection: simple, and only used for an untimed run, because the
 * extra hop would add its own delay to any time measured through it.
 */
final class CountingTcpProxy implements AutoCloseable {

    private final ServerSocket listening;
    private final int targetPort;
    private final AtomicLong toTarget = new AtomicLong();
    private final AtomicLong fromTarget = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ExecutorService relays;
    private volatile boolean closed;

    /** Listens on an ephemeral loopback port and relays every connection to {@code targetPort} on the loopback. */
    CountingTcpProxy(Workers workers, int targetPort) {
        this.targetPort = targetPort;
        this.relays = workers.pool("relay");
        try {
            listening = new ServerSocket();
            listening.bind(new InetSocketAddress(LoopbackNodes.HOST, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the counting relay: " + e.getMessage(), e);
        }
        relays.execute(this::acceptLoop);
    }

    int port() {
        return listening.getLocalPort();
    }

    /** Bytes the clients (nodes) sent towards the target (the coordinator) so far. */
    long bytesToTarget() {
        return toTarget.get();
    }

    /** Bytes the target sent back to the clients so far. */
    long bytesFromTarget() {
        return fromTarget.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listening.accept();
                Socket target = new Socket(LoopbackNodes.HOST, targetPort);
                // without this, small gRPC frames would wait for Nagle's timer on the relay's hop
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(target);
                relays.execute(() -> pump(client, target, toTarget));
                relays.execute(() -> pump(target, client, fromTarget));
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException("the counting relay stopped accepting: " + e.getMessage(), e);
                }
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
                counter.addAndGet(n);
            }
        } catch (SocketException e) {
            // one side closed: the other is closed below
        } catch (IOException e) {
            // a broken connection ends its relay; the run through it will report the failure
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listening.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(CountingTcpProxy::closeQuietly);
        relays.shutdownNow();
    }
}

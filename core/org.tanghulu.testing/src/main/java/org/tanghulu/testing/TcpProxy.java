package org.tanghulu.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy a test owns, in front of a shared server (the machine's RabbitMQ broker, say) that the
 * test must never stop: {@link #cut()} drops every connection and refuses new ones, as a server that
 * went down; {@link #restore()} listens again on the same port. Loopback only.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private ServerSocket server; // null while cut; guarded by this
    private int port;

    /** Starts listening on a free loopback port, forwarding to {@code 127.0.0.1:targetPort}. */
    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        listen(0);
    }

    /** @return the port clients connect to; the same after {@link #restore()} */
    public synchronized int port() {
        return port;
    }

    private synchronized void listen(int on) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
        server = s;
        port = s.getLocalPort();
        Thread accept = new Thread(() -> accept(s), "tcp-proxy-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees its connection end
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Drops every connection and stops listening: the server seems down. */
    public synchronized void cut() {
        if (server != null) {
            close(server);
            server = null;
        }
        open.forEach(TcpProxy::close);
        open.clear();
    }

    /** Listens again on the same port: the server seems back. */
    public synchronized void restore() throws IOException {
        if (server == null) {
            listen(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // gone already
        }
    }
}

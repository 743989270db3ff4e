package io.platform.terratest.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP forwarder in front of the emulator that runs an action (stopping the emulator) the moment a
 * request whose bytes contain a trigger passes, before forwarding it: a stop at an exact point of a
 * push, for a test that must interrupt one.
 */
final class FreezingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final byte[] trigger;
  private final Runnable action;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final CountDownLatch firedLatch = new CountDownLatch(1);

  FreezingProxy(int targetPort, String trigger, Runnable action) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.trigger = trigger.getBytes(StandardCharsets.ISO_8859_1);
    this.action = action;
    Thread acceptor = new Thread(this::accept, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Waits until the trigger passed; false on timeout. */
  boolean awaitFired(long seconds) throws InterruptedException {
    return firedLatch.await(seconds, TimeUnit.SECONDS);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        pump(client.getInputStream(), target.getOutputStream(), true, client, target);
        pump(target.getInputStream(), client.getOutputStream(), false, client, target);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(InputStream in, OutputStream out, boolean watch, Socket a, Socket b) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              byte[] carry = new byte[0];
              try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  if (watch && !fired.get()) {
                    byte[] window = new byte[carry.length + n];
                    System.arraycopy(carry, 0, window, 0, carry.length);
                    System.arraycopy(buffer, 0, window, carry.length, n);
                    if (contains(window, trigger) && fired.compareAndSet(false, true)) {
                      action.run();
                      firedLatch.countDown();
                    }
                    int keep = Math.min(window.length, trigger.length);
                    carry = Arrays.copyOfRange(window, window.length - keep, window.length);
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // One side closed: close both below.
              } finally {
                closeQuietly(a);
                closeQuietly(b);
              }
            },
            "proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

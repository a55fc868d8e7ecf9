package org.camelbyte.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * The ports the app will listen on, checked free before anything starts: Vert.x and Artemis only log a
 * port they cannot bind and go on, so the app ran without its API or its broker. A taken port now stops
 * the start with one sentence naming the port and the key to change.
 */
public final class Ports {
    private Ports() {}

    public static void requireFree(Settings settings) {
        if (settings.getBoolean("camel.server.enabled", false)) {
            check(
                    settings,
                    "camel.server.port",
                    settings.get("camel.server.host").orElse(null));
        }
        if (settings.getBoolean("camel.management.enabled", false)) {
            check(
                    settings,
                    "camel.management.port",
                    settings.get("camel.management.host").orElse(null));
        }
        if (settings.get("broker.url").isEmpty()) {
            check(
                    settings,
                    "broker.embedded.port",
                    settings.get("broker.embedded.host").orElse(null));
        }
    }

    private static void check(Settings settings, String key, String host) {
        Optional<String> value = settings.get(key);
        if (value.isEmpty()) {
            return;
        }
        int port = settings.getInt(key);
        if (port == 0) {
            return; // a free one is picked when it binds
        }
        // 0.0.0.0 (Camel's default host) collides with any address holding the port
        InetSocketAddress address = host == null || host.equals("0.0.0.0")
                ? new InetSocketAddress(port)
                : new InetSocketAddress(host, port);
        try (ServerSocket socket = new ServerSocket()) {
            // a socket of a stopped app lingering in TIME_WAIT is no obstacle, as for the servers themselves
            socket.setReuseAddress(true);
            socket.bind(address);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + key + ") is already in use on "
                    + (host == null ? "0.0.0.0" : host) + "; stop what holds it or set " + settings.describe(key)
                    + " to a free port.");
        }
    }
}

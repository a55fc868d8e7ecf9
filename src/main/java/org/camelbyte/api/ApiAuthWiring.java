package org.camelbyte.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.camelbyte.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how the HTTP API authenticates ({@code api.auth}): bearer by default, nothing in the dev profile.
 * With bearer and no {@code api.token}, a token is generated once per data dir and kept in a file only its
 * owner reads, so the embedded Quick start works without setup and the API is never open by accident,
 * and the token itself never reaches the log.
 */
public final class ApiAuthWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ApiAuthWiring.class);
    private static final String DEV_PROFILE = "dev";

    private ApiAuthWiring() {}

    public static ApiAuthentication create(Settings settings, String profile, Path dataDir) {
        boolean dev = DEV_PROFILE.equalsIgnoreCase(profile);
        ApiAuthMode mode = settings.getChoice("api.auth", dev ? "none" : "bearer", ApiAuthMode::parse);
        return switch (mode) {
            case NONE -> open(dev);
            case BEARER ->
                ApiAuthentication.bearer(settings.secret("api.token").orElseGet(() -> generatedToken(dataDir)));
            case BASIC ->
                ApiAuthentication.basic(
                        settings.get("api.username").orElseThrow(() -> missing(settings, "api.username")),
                        settings.secret("api.password").orElseThrow(() -> missing(settings, "api.password")));
        };
    }

    private static ApiAuthentication open(boolean dev) {
        if (dev) {
            LOG.info(
                    "Profile dev: the HTTP API asks for no credentials; set api.auth = bearer or basic to require them.");
        } else {
            LOG.warn("api.auth = none: the HTTP API answers anyone who reaches its port, as chosen in the config.");
        }
        return ApiAuthentication.open();
    }

    private static IllegalStateException missing(Settings settings, String key) {
        return new IllegalStateException("Config key " + settings.describe("api.auth")
                + " is 'basic' but " + settings.describe(key) + " is not set; set api.username and api.password"
                + " (api.password from env or api.password-file), or use api.auth = bearer.");
    }

    private static String generatedToken(Path dataDir) {
        Path file = dataDir.resolve("api-token");
        try {
            if (Files.isRegularFile(file) && !Files.readString(file).isBlank()) {
                LOG.warn("No api.token set: the HTTP API accepts the bearer token kept in {}.", file.toAbsolutePath());
                return Files.readString(file).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, token);
            LOG.warn(
                    "No api.token set: generated a bearer token for the HTTP API into {} (readable by its owner only);"
                            + " set api.token (env API_TOKEN) to choose your own.",
                    file.toAbsolutePath());
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "No api.token set and the generated one cannot be kept in " + file
                            + "; set api.token (env API_TOKEN) or make data.dir writable.",
                    e);
        }
    }
}

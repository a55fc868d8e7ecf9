package org.camelbyte.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.camelbyte.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how the HTTP API authenticates ({@code api.auth}): bearer by default, nothing in the dev profile.
 * With bearer and no {@code api.token}, a token is generated once per data dir and kept in a file only its
 * owner reads, so the embedded Quick start works without setup and the API is never open by accident,
 * and the token itself never reaches the log. Airbyte's webhook secret is chosen here too, the same way.
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

    /**
     * The secret Airbyte's webhook URL carries ({@code airbyte.webhook-secret}); Airbyte cannot send the API's
     * credentials. Unset, one is generated as the API token is.
     */
    public static String webhookSecret(Settings settings, Path dataDir) {
        return settings.secret("airbyte.webhook-secret").orElseGet(() -> {
            Kept kept =
                    keptSecret(dataDir.resolve("webhook-secret"), "airbyte.webhook-secret", "AIRBYTE_WEBHOOK_SECRET");
            if (kept.generated()) {
                LOG.info(
                        "No airbyte.webhook-secret set: generated one into {}; Airbyte's webhook URL is"
                                + " http(s)://<this host>:<api port>{}<that secret> (docs/webhooks.md)",
                        kept.file().toAbsolutePath(),
                        AirbyteWebhookRoutes.PATH);
            }
            return kept.secret();
        });
    }

    private static String generatedToken(Path dataDir) {
        Kept kept = keptSecret(dataDir.resolve("api-token"), "api.token", "API_TOKEN");
        if (kept.generated()) {
            LOG.warn(
                    "No api.token set: generated a bearer token for the HTTP API into {} (readable by its owner only);"
                            + " set api.token (env API_TOKEN) to choose your own.",
                    kept.file().toAbsolutePath());
        } else {
            LOG.warn(
                    "No api.token set: the HTTP API accepts the bearer token kept in {}.",
                    kept.file().toAbsolutePath());
        }
        return kept.secret();
    }

    /**
     * A kept secret others can read (a copy made with a umask of 022, an unpacked backup) is tightened to owner
     * only before use, with a WARN: the app never serves with a secret it cannot vouch for silently.
     */
    private static void ownerOnly(Path file, String key) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if (owner.containsAll(permissions)) {
            return;
        }
        Files.setPosixFilePermissions(file, owner);
        LOG.warn(
                "The file {} holding {} was {} (others could read it); tightened it to rw------- (its owner only):"
                        + " if anyone else may have read it, delete the file and restart to generate a new one.",
                file.toAbsolutePath(),
                key,
                PosixFilePermissions.toString(permissions));
    }

    private record Kept(String secret, Path file, boolean generated) {}

    /**
     * The secret kept in {@code file}, else a new random one written there first, readable by its owner only,
     * so it survives a restart; {@code key} and {@code envVar} name how to set one instead.
     */
    private static Kept keptSecret(Path file, String key, String envVar) {
        try {
            if (Files.isRegularFile(file) && !Files.readString(file).isBlank()) {
                ownerOnly(file, key);
                return new Kept(Files.readString(file).trim(), file, false);
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, secret);
            return new Kept(secret, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "No " + key + " set and the generated one cannot be kept in " + file + "; set " + key + " (env "
                            + envVar + ") or make data.dir writable.",
                    e);
        }
    }
}

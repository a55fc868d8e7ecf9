package org.camelbyte.bench;

/**
 * The four phases each size runs, in the order each repetition runs them.
 */
enum PhaseKind {
    APP_POLLING("camelbyte app, polling only", "app_"),
    APP_WEBHOOKS("camelbyte app, webhooks on", "app_webhook_"),
    APP_SHIPPED("camelbyte app, shipped defaults", "app_shipped_"),
    BASELINE("thread-per-sync poller", "baseline_");

    /** The phase's name in the tables. */
    final String label;
    /** The prefix of its keys in the key=value line. */
    final String key;

    PhaseKind(String label, String key) {
        this.label = label;
        this.key = key;
    }

    boolean app() {
        return this != BASELINE;
    }
}

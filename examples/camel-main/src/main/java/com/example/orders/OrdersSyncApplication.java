package com.example.orders;

import org.apache.camel.main.Main;

/**
 * Starts Camel Main: application.properties configures the airbyte: component, and the YAML route in
 * routes/ syncs the Airbyte connection {@code orders} once and logs how the job ended.
 */
public final class OrdersSyncApplication {
    private OrdersSyncApplication() {}

    public static void main(String[] args) throws Exception {
        // Main scans this class's package for Java routes and configuration classes (the one route here is YAML)
        new Main(OrdersSyncApplication.class).run(args);
    }
}

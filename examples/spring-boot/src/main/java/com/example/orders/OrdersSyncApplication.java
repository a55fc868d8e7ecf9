package com.example.orders;

import org.camelbyte.component.AirbyteComponent;
import org.camelbyte.component.AirbyteConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application: application.properties configures the airbyte: component, and the YAML route in
 * camel/ syncs the Airbyte connection {@code orders} once and logs how the job ended.
 */
@SpringBootApplication
public class OrdersSyncApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrdersSyncApplication.class, args);
    }

    /**
     * The component's options, bound from {@code camel.component.airbyte.*} by Spring Boot (durations in Spring's
     * format: 500ms, 30s, 10m, PT10M). Camel on Spring Boot applies a component's keys only through its starter,
     * and camel-airbyte has none, so the application binds them itself.
     */
    @Bean
    @ConfigurationProperties(prefix = "camel.component.airbyte")
    AirbyteConfiguration airbyteConfiguration() {
        return new AirbyteConfiguration();
    }

    /** The airbyte: component on those options; Camel finds it by its bean name, the URI scheme. */
    @Bean("airbyte")
    AirbyteComponent airbyte(AirbyteConfiguration configuration) {
        AirbyteComponent airbyte = new AirbyteComponent();
        airbyte.setConfiguration(configuration);
        return airbyte;
    }
}

package com.example.orders;

import org.camelbyte.component.AirbyteComponent;
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
     * The airbyte: component, its options bound from {@code camel.component.airbyte.*} by Spring Boot. Camel on
     * Spring Boot applies those keys only through a component's starter, and camel-airbyte has none; Camel
     * finds this bean by its name, the URI scheme.
     */
    @Bean("airbyte")
    @ConfigurationProperties(prefix = "camel.component.airbyte")
    AirbyteComponent airbyte() {
        return new AirbyteComponent();
    }
}

package org.camelbyte.component;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A plain Camel context (no app) whose airbyte: component talks to the {@link ComponentScenario} stand-in
 * over HTTP, configured as {@code camel.component.airbyte.configuration.*} would.
 */
// one context for the class (CamelTestSupport reads the lifecycle): a context per test costs a second each
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StandInCamelTest extends CamelTestSupport {
    static AirbyteStandIn standIn;

    @BeforeAll
    static void startStandIn() {
        standIn = ComponentScenario.start();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        configure(ComponentScenario.pointAt(context, standIn));
        return context;
    }

    /** More settings of the component, for a test class that needs them. */
    protected void configure(AirbyteConfiguration configuration) {}
}

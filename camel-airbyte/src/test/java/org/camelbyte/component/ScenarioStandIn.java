package org.camelbyte.component;

import org.camelbyte.standin.AirbyteStandIn;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A {@link ComponentScenario} stand-in for one test class: started before its tests, closed after them. */
final class ScenarioStandIn implements BeforeAllCallback, AfterAllCallback {
    private AirbyteStandIn standIn;

    @Override
    public void beforeAll(ExtensionContext context) {
        standIn = ComponentScenario.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        standIn.close();
    }

    AirbyteStandIn get() {
        return standIn;
    }
}

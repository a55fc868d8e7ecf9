package org.camelbyte.observe;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import java.time.Duration;

/**
 * Readiness as far as the broker goes: a JMS session opens within the timeout. Queue requests arrive and
 * outcome events leave through it.
 */
public class BrokerHealthCheck extends ProbedHealthCheck {
    private final ConnectionFactory connections;

    public BrokerHealthCheck(ConnectionFactory connections, Duration timeout) {
        super("broker", timeout, "The broker does not answer, so queue requests and outcome events wait:");
        this.connections = connections;
    }

    @Override
    protected void probe() throws Exception {
        try (Connection connection = connections.createConnection()) {
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
        }
    }
}
